namespace Pipeline.Stages.Report;

/// <summary>
/// The figures' font, shipped beside the program (DejaVu Sans): ScottPlot draws no text at all on a machine
/// without fonts, so the report never depends on what the machine has.
/// </summary>
internal static class FigureFont
{
    public const string Name = "DejaVu Sans";
    private static readonly Lock Gate = new();
    private static bool registered;

    public static void Register()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }
            var folder = Path.Combine(AppContext.BaseDirectory, "Fonts");
            var regular = Path.Combine(folder, "DejaVuSans.ttf");
            var bold = Path.Combine(folder, "DejaVuSans-Bold.ttf");
            if (!File.Exists(regular) || !File.Exists(bold))
            {
                throw new InvalidOperationException($"the report's font is missing from {folder}: rebuild the pipeline host (./build.sh rebuilds it when sources change)");
            }
            ScottPlot.Fonts.AddFontFile(Name, regular, bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(Name, bold, bold: true, italic: false);
            ScottPlot.Fonts.Default = Name;
            registered = true;
        }
    }
}
