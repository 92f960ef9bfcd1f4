using System.Text.RegularExpressions;
using Snapshooter.Xunit;

namespace Pipeline.Tests.Compare;

/// <summary>compare.md of the scenario as snapshots (commit hashes and experiment ids masked: they change with every code edit by design).</summary>
[Collection(CompareGroup.Name)]
public sealed partial class CompareSnapshotTests(CompareScenario scenario)
{
    [Fact]
    public void Compare_md_against_a_tag() => Snapshot.Match(Masked(scenario.TagMarkdown));

    [Fact]
    public void Compare_md_over_a_sweep() => Snapshot.Match(Masked(scenario.SweepMarkdown));

    private static string Masked(string markdown) => Hex().Replace(markdown, "(hash)");

    [GeneratedRegex(@"\b[0-9a-f]{7,40}\b")]
    private static partial Regex Hex();
}
