namespace Pipeline.Engine.Tasks;

/// <summary>What a running stage sees: its params, where to read and where to write.</summary>
public sealed class StageContext<TParams>(TParams parameters, StageRunContext run) where TParams : class
{
    public TParams Params { get; } = parameters;

    /// <summary>The absolute path of a workspace file the stage reads.</summary>
    public string Input(string relativePath) => run.Input(relativePath);

    /// <summary>The absolute path to write a declared out to; the engine moves it into place on success.</summary>
    public string Output(string relativePath) => run.Output(relativePath);

    public IProgress<double> Progress => run.Progress;

    public Action<string> Log => run.Log;
}
