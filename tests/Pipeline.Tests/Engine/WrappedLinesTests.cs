using Pipeline.Engine.Cli;

namespace Pipeline.Tests.Engine;

/// <summary>Log lines are wrapped by us at the console's width, because Spectre's live bars go astray after a wider line.</summary>
public sealed class WrappedLinesTests
{
    [Fact]
    public void Words_wrap_within_the_widths_and_nothing_is_lost()
    {
        var text = "ana: liked songs: 1,000 listed; none skipped; 1,000 songs (audio features: 0 asked, 1,000 cached)";

        var lines = WrappedLines.Wrap(text, 30, 40);

        Assert.True(lines[0].Length <= 30);
        Assert.All(lines.Skip(1), l => Assert.True(l.Length <= 40, l));
        Assert.Equal(text, string.Join(' ', lines));
        Assert.True(lines.Count > 2);
    }

    [Fact]
    public void A_word_longer_than_a_line_is_cut_and_a_short_text_stays_one_line()
    {
        Assert.Equal(["abcdefghij", "klmnopqrst", "uv end"], WrappedLines.Wrap("abcdefghijklmnopqrstuv end", 10, 10));
        Assert.Equal(["short"], WrappedLines.Wrap("short", 10, 10));
    }
}
