namespace Pipeline.Engine.Tasks;

/// <summary>What a running stage sees: its params, where to read and where to write, and how to tell how it goes.</summary>
public sealed class StageContext<TParams> where TParams : class
{
    private readonly StageRunContext run;

    internal StageContext(TParams parameters, StageRunContext run)
    {
        Params = parameters;
        this.run = run;
    }

    public TParams Params { get; }

    /// <summary>The absolute path of a workspace file the stage reads.</summary>
    public string Input(string relativePath) => run.Input(relativePath);

    /// <summary>The absolute path to write a declared out to; the engine moves it into place on success.</summary>
    public string Output(string relativePath) => run.Output(relativePath);

    public IProgress<double> Progress => run.Services.Progress.Fraction;

    /// <summary>Named phases with counts, for a stage that does several things at once.</summary>
    public IProgress<(string Phase, long Done, long Total)> Phases => run.Services.Progress.Phases;

    public Action<string> Log => run.Services.Log;

    public Action<string> Warn => run.Services.Warn;

    /// <summary>An environment variable of the run (tests give their own).</summary>
    public Func<string, string?> Environment => run.Services.Environment;

    /// <summary>The metric and param changes against the run's --rev, as Markdown, when the stage shows changes and --rev was given.</summary>
    public string? Changes => run.Services.Changes;

    /// <summary>The stage's own folder that lasts between runs, for caches of what it downloads; never hashed.</summary>
    public string StateDirectory => run.Services.StateDirectory;
}
