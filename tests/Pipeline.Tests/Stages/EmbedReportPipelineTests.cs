using System.Text.Json;
using Pipeline.Stages.Embed;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Stages;

/// <summary>Embed and Report through the real host on the demo data.</summary>
public sealed class EmbedReportPipelineTests : IDisposable
{
    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 500));

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void The_whole_pipeline_writes_every_report_output_byte_identically()
    {
        var run = workspace.Run();
        string[] outputs = ["reports/report.md", "reports/report.html", "reports/embedding.json", "reports/figures/roc.png",
            "reports/figures/confusion.png", "reports/figures/training.png", "reports/figures/tsne.png", "reports/figures/importance.png",
            "reports/figures/taste.png", "reports/figures/radar.png", "data/embedding/embedding.parquet", "data/raw/fetch-summary.json"];
        var first = outputs.ToDictionary(o => o, workspace.Bytes);
        workspace.Run("--target=Fetch", "--force");
        workspace.Run("--target=Embed", "--force");
        workspace.Run("--target=Report", "--force");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(outputs, o => Assert.Equal(first[o], workspace.Bytes(o)));
        var markdown = File.ReadAllText(workspace.PathOf("reports/report.md"));
        Assert.Contains("| ROC AUC |", markdown, StringComparison.Ordinal);
        Assert.Contains("![Map of the songs](figures/tsne.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("## Mistakes, and why", markdown, StringComparison.Ordinal);
        Assert.Contains("![Taste profiles: each feature's distribution per person](figures/taste.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("## Taste match", markdown, StringComparison.Ordinal);
        var html = File.ReadAllText(workspace.PathOf("reports/report.html"));
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedding_keeps_neighbours_of_the_hidden_layer_and_records_its_inputs()
    {
        var run = workspace.Run("--target=Embed");

        var embedding = EmbeddingTable.Read(workspace.PathOf("data/embedding/embedding.parquet"));
        var (n, units, vectors) = (embedding.Songs.Count, embedding.Width, embedding.Views);
        double[] layout = [.. embedding.Songs.SelectMany(s => new[] { s.X, s.Y })];
        using var summary = JsonDocument.Parse(workspace.Bytes("reports/embedding.json"));

        Assert.Equal(5, units);
        Assert.Equal(n, summary.RootElement.GetProperty("n").GetInt32());
        Assert.True(summary.RootElement.GetProperty("kl_divergence").GetDouble() > 0);
        Assert.True(Trustworthiness.Compute(vectors, units, layout, n, 10) > 0.9);
        // The time goes to the log, never into an output.
        Assert.Matches(@"KL divergence \d\.\d{4}, laid out in \d+\.\d\d s", run.Out);
        Assert.Equal(["method", "n", "iterations", "kl_divergence", "exact_gradient"], summary.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Changing_an_embed_param_reruns_embed_and_report_only()
    {
        workspace.Run();

        var run = workspace.Run("--set", "embed.method=pca");

        Assert.Equal("Skipped", run.Outcome("Train"));
        Assert.Equal("Skipped", run.Outcome("Evaluate"));
        Assert.Equal("Ran", run.Outcome("Embed"));
        Assert.Equal("Ran", run.Outcome("Report"));
        Assert.Contains("\"method\": \"pca\"", File.ReadAllText(workspace.PathOf("reports/embedding.json")), StringComparison.Ordinal);
    }
}
