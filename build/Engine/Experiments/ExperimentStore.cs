using Pipeline.Engine.Files;
using YamlDotNet.Core;

namespace Pipeline.Engine.Experiments;

/// <summary>.pipeline/experiments/ID.yaml, one file an experiment, written atomically; a damaged file is skipped with a warning.</summary>
internal sealed class ExperimentStore(string folder, Action<string> warn)
{
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
