namespace Pipeline.Stages.Compare;

/// <summary>
/// The sides' colours, one per side in every figure and in the page: Paul Tol's "bright" scheme (told apart with every
/// common colour-vision deficiency) and black, eight in all. The people keep their own colours (Okabe and Ito's) on the maps.
/// </summary>
public static class SidePalette
{
    private static readonly string[] Hex = ["#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB", "#000000"];

    public static string HexOf(int side) => Hex[side % Hex.Length];

    public static ScottPlot.Color ColorOf(int side) => ScottPlot.Color.FromHex(HexOf(side));
}
