using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Stages.Data;
using Pipeline.Stages.Fetch.Spotify;

namespace Pipeline.Stages.Fetch;

/// <summary>
/// Turns an imported file into tracks: finds the columns, parses the features, and drops (and counts) rows
/// whose features are empty or not numbers. It never turns a bad value into a zero.
/// </summary>
internal static class TrackImporter
{
    /// <param name="user">Whose songs these are, or null when <paramref name="labelColumn"/> says it per row.</param>
    /// <param name="counted">Told the file's rows and bad rows once it is read, for data/raw/fetch-summary.json.</param>
    public static TrackTable Import(RawTable raw, string? user, string? labelColumn, IReadOnlyCollection<string> knownUsers, double maxBadRows, Action<string> log,
        IProgress<(string Phase, long Done, long Total)>? phases = null, Action<FileSummary>? counted = null) =>
        Import(raw, user, labelColumn, knownUsers, maxBadRows, AudioFeatures.All, log, phases, counted);

    /// <param name="required">The feature columns the file must have; the 24 timbre and pitch means are added when all are present.</param>
    public static TrackTable Import(RawTable raw, string? user, string? labelColumn, IReadOnlyCollection<string> knownUsers, double maxBadRows,
        IReadOnlyList<string> required, Action<string> log, IProgress<(string Phase, long Done, long Total)>? phases = null,
        Action<FileSummary>? counted = null)
    {
        const int Every = 100_000;
        var phase = $"{raw.File}: rows";
        var layout = Layout(raw, labelColumn, required);
        var rows = new List<(string User, string Id, string Name, string Artists, double[] Values)>();
        var bad = 0;
        var total = 0;
        string? firstProblem = null;
        foreach (var row in raw.Rows)
        {
            if (++total % Every == 0)
            {
                phases?.Report((phase, total, 0));
            }
            var problem = TryParse(raw, row, layout, out var values);
            if (problem is not null)
            {
                bad++;
                firstProblem ??= problem;
                continue;
            }
            var label = user ?? row.Cells[layout.Label!.Value].Trim();
            if (user is null && knownUsers.Count > 0 && !knownUsers.Contains(label))
            {
                throw BadInput.UnknownLabel(raw.File, row.Line, label, knownUsers);
            }
            var title = layout.Title is { } t ? row.Cells[t].Trim() : "";
            var artists = layout.Artists is { } a ? row.Cells[a].Trim() : "";
            var id = layout.Id is { } i && row.Cells[i].Trim().Length > 0 ? ColumnAliases.TrackId(row.Cells[i]) : MadeUpId(title, artists);
            rows.Add((label, id, title.Length > 0 ? title : id, artists, values));
        }
        phases?.Report((phase, total, total));
        counted?.Invoke(new FileSummary(raw.File, total, bad));
        if (bad > 0)
        {
            if (bad > maxBadRows * total)
            {
                throw BadInput.TooManyBadRows(raw.File, bad, total, maxBadRows, firstProblem!);
            }
            log($"{raw.File}: dropped {bad} of {total} rows with an empty, non-numeric or impossible feature (first: {firstProblem})");
        }
        var features = layout.Features.Select((f, k) => new NumericColumn(f.Name, rows.Select(r => r.Values[k]).ToArray(), AudioFeatures.IsIntegral(f.Name))).ToList();
        return new TrackTable(rows.Select(r => r.User).ToArray(), rows.Select(r => r.Id).ToArray(),
            rows.Select(r => r.Name).ToArray(), rows.Select(r => r.Artists).ToArray(), features);
    }

    private static ColumnLayout Layout(RawTable raw, string? labelColumn, IReadOnlyList<string> required)
    {
        var headers = raw.Headers;
        var missing = required.Where(f => ColumnAliases.Feature(headers, f) is null).ToList();
        if (missing.Count > 0)
        {
            throw BadInput.MissingColumns(raw.File, missing, headers);
        }
        var id = ColumnAliases.Id(headers);
        var title = ColumnAliases.Title(headers);
        if (id is null && title is null)
        {
            throw BadInput.NoIdentity(raw.File, headers);
        }
        int? label = null;
        if (labelColumn is not null)
        {
            label = ColumnAliases.Named(headers, labelColumn) ?? throw BadInput.MissingColumns(raw.File, [labelColumn], headers);
        }
        var optional = AudioFeatures.TimbreAndPitch.Where(f => !required.Contains(f)).Select(f => (Name: f, Index: ColumnAliases.Feature(headers, f))).ToList();
        foreach (var feature in required.Concat(AudioFeatures.TimbreAndPitch).Distinct())
        {
            var same = headers.Where(h => ColumnAliases.Normalize(h) == ColumnAliases.Normalize(feature)).ToList();
            if (same.Count > 1)
            {
                throw BadInput.SameColumn(raw.File, feature, same);
            }
        }
        var features = required.Select(f => (f, ColumnAliases.Feature(headers, f)!.Value)).ToList();
        if (optional.Count > 0 && optional.All(o => o.Index is not null))
        {
            features.AddRange(optional.Select(o => (o.Name, o.Index!.Value)));
        }
        return new ColumnLayout(id, title, ColumnAliases.Artists(headers), label, features);
    }

    private static string? TryParse(RawTable raw, RawRow row, ColumnLayout layout, out double[] values)
    {
        values = new double[layout.Features.Count];
        for (var k = 0; k < layout.Features.Count; k++)
        {
            var (name, index) = layout.Features[k];
            var cell = row.Cells[index].Trim();
            if (name == "mode" && cell.ToLowerInvariant() is "major" or "minor")
            {
                values[k] = cell.Equals("major", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                continue;
            }
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]) || !double.IsFinite(values[k]))
            {
                return $"{raw.File}:{row.Line}: column '{raw.Headers[index]}' is {(cell.Length == 0 ? "empty" : $"'{cell}'")}";
            }
            if (AudioFeatures.Range(name) is { } range && (values[k] < range.Min || values[k] > range.Max))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"{raw.File}:{row.Line}: column '{raw.Headers[index]}' is {cell}, outside {range.Min:0.###} to {range.Max:0.###}");
            }
        }
        if (layout.Label is { } label && row.Cells[label].Trim().Length == 0)
        {
            return $"{raw.File}:{row.Line}: column '{raw.Headers[label]}' is empty";
        }
        return null;
    }

    /// <summary>A stable id for exports without one, from the title and artists.</summary>
    private static string MadeUpId(string title, string artists) =>
        "x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{title}\n{artists}")))[..21];

    private sealed record ColumnLayout(int? Id, int? Title, int? Artists, int? Label, List<(string Name, int Index)> Features);
}
