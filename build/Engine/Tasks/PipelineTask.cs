using System.Reflection;

namespace Pipeline.Engine.Tasks;

/// <summary>
/// One stage of the pipeline, declared Frosting-style: a class per stage, found by convention.
/// A task only declares what it reads, which params it uses and what it writes, then calls domain code;
/// whether it needs to run is the engine's business.
/// </summary>
public abstract class PipelineTask<TParams> where TParams : class
{
    /// <summary>The name used by --target; defaults to the class name without "Task".</summary>
    public virtual string Name => TaskNaming.FromType(GetType());

    /// <summary>One line for --help and --description, from [TaskDescription].</summary>
    public string Description =>
        (Attribute.GetCustomAttribute(GetType(), typeof(TaskDescriptionAttribute)) as TaskDescriptionAttribute)?.Description ?? "";

    /// <summary>
    /// Keys of params.yaml this stage reads: a section ("train"), a single value ("seed") or a nested path. The
    /// stage's fingerprint covers exactly these, and the stage sees only these: the rest keep their defaults.
    /// </summary>
    public virtual IReadOnlyList<string> ParamKeys =>
        GetType().GetCustomAttribute<ParamsAttribute>()?.Keys ?? [];

    /// <summary>Files or folders, relative to the workspace, that the stage reads.</summary>
    public virtual IReadOnlyList<string> Deps(TParams parameters) => [];

    /// <summary>
    /// Files or folders the stage reads that are not data: credentials and login tokens. They are never hashed,
    /// cached or recorded in the lock (a secret must not reach them), and <see cref="StageContext{TParams}.Input"/>
    /// hands them out like deps.
    /// </summary>
    public virtual IReadOnlyList<string> Private(TParams parameters) => [];

    /// <summary>Files or folders, relative to the workspace, that the stage writes.</summary>
    public abstract IReadOnlyList<string> Outs(TParams parameters);

    /// <summary>The outs that hold metrics (JSON), for MetricsDiff.</summary>
    public virtual IReadOnlyList<string> Metrics(TParams parameters) => [];

    /// <summary>
    /// True when the stage shows the metric and param changes against the run's --rev (a report for a pull request):
    /// the engine hands it that Markdown as <see cref="StageContext{TParams}.Changes"/> and counts it among its inputs.
    /// </summary>
    public virtual bool ShowsChanges => false;

    /// <summary>True when the stage reads something outside the workspace, so it must run every time (DVC's always_changed).</summary>
    public virtual bool AlwaysChanged(TParams parameters) => false;

    /// <summary>
    /// Called for every stage a run or --dryrun would reach, before any of them starts: throw an
    /// <see cref="InvalidDataException"/> when the stage cannot start (say, a login it needs is missing).
    /// The context has inputs, environment and state folder, but no outputs.
    /// </summary>
    public virtual void Check(StageContext<TParams> context)
    {
    }

    public abstract void Run(StageContext<TParams> context);
}
