namespace Pipeline.Benchmarks;

/// <summary>A temp workspace with two demo people and the given number of songs, deleted afterwards.</summary>
internal static class DemoWorkspace
{
    public static void With(string prefix, int songs, Action<string> body)
    {
        var workspace = Directory.CreateTempSubdirectory(prefix).FullName;
        try
        {
            File.WriteAllText(Path.Combine(workspace, "params.yaml"),
                $"fetch:\n  users: {{ paulo: {{}}, amelia: {{}} }}\n  demo: {{ tracks_per_user: {songs / 2} }}\n");
            body(workspace);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }
}
