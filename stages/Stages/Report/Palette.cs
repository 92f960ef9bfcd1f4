namespace Pipeline.Stages.Report;

/// <summary>
/// The people's colours: Okabe and Ito's palette, told apart with every common colour-vision deficiency.
/// Eight people get eight colours; a ninth repeats the first.
/// </summary>
public static class Palette
{
    private static readonly string[] Hex = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

    public static string HexOf(int person) => Hex[person % Hex.Length];

    public static ScottPlot.Color ColorOf(int person) => ScottPlot.Color.FromHex(HexOf(person));
}
