using Pipeline.Engine.Files;
using YamlDotNet.Core;

namespace Pipeline.Engine.Experiments;

/// <summary>.pipeline/experiments/ID.yaml, one file an experiment, written atomically; a damaged file is skipped with a warning.</summary>
internal sealed class ExperimentStore(string folder, Action<string> warn)
{
    // A sweep's points finish on several threads; one writer at a time keeps the sequence numbers apart.
    private static readonly Lock Gate = new();

    /// <summary>Keeps the experiment unless it is known already; true when it is new.</summary>
    public bool Record(Experiment experiment)
    {
        var path = PathOf(experiment.Id);
        if (File.Exists(path))
        {
            return false;
        }
        var sequence = All().Select(e => e.Sequence).DefaultIfEmpty(0).Max() + 1;
        AtomicFile.WriteAllText(path, Yaml.Writer.Serialize(experiment with { Sequence = sequence }));
        return true;
    }

    /// <summary>
    /// Keeps an experiment a sweep's point ran (recorded in the point's own workspace) as one of this workspace's, marked
    /// with the sweep: a new one is recorded, a known one gains the sweep's id.
    /// </summary>
    public void RecordForSweep(Experiment experiment, string sweep)
    {
        lock (Gate)
        {
            var known = All().FirstOrDefault(e => e.Id == experiment.Id);
            if (known is null)
            {
                Record(experiment with { Sweeps = [sweep] });
            }
            else if (!known.Sweeps.Contains(sweep))
            {
                AtomicFile.WriteAllText(PathOf(known.Id), Yaml.Writer.Serialize(known with { Sweeps = [.. known.Sweeps, sweep] }));
            }
        }
    }

    /// <summary>Every readable experiment, newest first.</summary>
    public List<Experiment> All()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var experiments = new List<Experiment>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml"))
        {
            try
            {
                if (Yaml.Reader.Deserialize<Experiment?>(File.ReadAllText(file)) is { Id.Length: > 0 } experiment)
                {
                    experiments.Add(experiment);
                }
            }
            catch (YamlException e)
            {
                warn($"experiment record {Path.GetFileName(file)} is damaged ({e.Message}); left out");
            }
        }
        return [.. experiments.OrderByDescending(e => e.Sequence).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    public void Remove(string id) => File.Delete(PathOf(id));

    private string PathOf(string id) => Path.Combine(folder, id + ".yaml");
}
