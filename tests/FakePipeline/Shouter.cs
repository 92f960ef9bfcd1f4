namespace FakePipeline;

/// <summary>The "domain" of the Shout stage: a folder out, two files.</summary>
public static class Shouter
{
    public static void Shout(ShoutParams parameters, string input, string outputFolder)
    {
        Directory.CreateDirectory(outputFolder);
        var text = File.ReadAllText(input);
        var loud = parameters.Upper ? text.ToUpperInvariant() : text;
        File.WriteAllText(Path.Combine(outputFolder, "shout.txt"), loud.Replace("\n", parameters.Suffix + "\n", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(outputFolder, "parts"));
        File.WriteAllText(Path.Combine(outputFolder, "parts", "first.txt"), loud.Split('\n')[0]);
    }
}
