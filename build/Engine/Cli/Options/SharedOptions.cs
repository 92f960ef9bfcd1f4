namespace Pipeline.Engine.Cli;

/// <summary>Every option the engine's targets take, each written once: a name means the same wherever it is taken.</summary>
internal static class SharedOptions
{
    public static readonly TargetOption Target = TargetOption.Text("target", "TARGET",
        "The stage to bring up to date (with what it depends on), or a view or command; the targets are listed below") with
    { Alias = 't' };
    public static readonly TargetOption Verbosity = TargetOption.Choice("verbosity", "LEVEL", ["quiet", "normal", "verbose"],
        "quiet | normal | verbose (quiet prints only errors and results)", "normal") with
    { Alias = 'v' };
    public static readonly TargetOption Help = TargetOption.Flag("help", "This help; with --target=T, that target's options", 'h');
    public static readonly TargetOption Version = TargetOption.Flag("version", "Print the pipeline's version");
    public static readonly TargetOption Description = TargetOption.Flag("description", "List every target with its description; run nothing");

    public static readonly TargetOption Force = TargetOption.Flag("force", "Rerun the target even if it is up to date (and bypass the run-cache for it)");
    public static readonly TargetOption Exclusive = TargetOption.Flag("exclusive", "Run the target alone, not its dependencies", 'e');
    public static readonly TargetOption DryRun = TargetOption.Flag("dryrun", "Say what would be done and why; change nothing");
    public static readonly TargetOption Set = TargetOption.Text("set", "KEY=VALUE", "Override a param for this run, e.g. --set train.mlp.epochs=50")
        with
    { Repeats = true };
    public static readonly TargetOption Jobs = TargetOption.Number("jobs", "N", 1, 64, "Run up to N stages with no path between them at the same time", 1)
        with
    { Alias = 'j' };
    public static readonly TargetOption Pull = TargetOption.Flag("pull", "Restore from the shared remote any stage that would otherwise run");
    public static readonly TargetOption ReportRev = TargetOption.Text("rev", "REV", "The report shows the changes against this git revision");
    public static readonly TargetOption DiffRev = TargetOption.Text("rev", "REV", "The git revision to compare the workspace with (default HEAD)");
    public static readonly TargetOption NoWait = TargetOption.Flag("no-wait", "Fail at once when another run holds the workspace, instead of waiting");
    public static readonly TargetOption Tree = TargetOption.Flag("tree", "Show the target and the stages it depends on as a tree (Cake's --tree); run nothing");
    public static readonly TargetOption Unchanged = TargetOption.Flag("all", "Unchanged values too");
    public static readonly TargetOption EveryEntry = TargetOption.Flag("all", "Every run-cache entry, not only those pipeline.lock names");
    public static readonly TargetOption Json = TargetOption.Flag("json", "JSON for machines instead of a Markdown table");
    public static readonly TargetOption Markdown = TargetOption.Flag("md", "A GitHub Markdown table (the default)");
    public static readonly TargetOption Remote = TargetOption.Flag("remote", "Also say which stale stages the shared remote could restore");
    public static readonly TargetOption Sort = TargetOption.Text("sort", "METRIC", "Best first by this metric (lowest first for a loss or an error)");
    public static readonly TargetOption AllCommits = TargetOption.Flag("all-commits",
        "Every commit that changed params or the lock, not only this branch's since it left its upstream");
    public static readonly TargetOption Keep = TargetOption.Number("keep", "N", 0, int.MaxValue, "Keep only the newest N experiments of this workspace");
    public static readonly TargetOption Exp = TargetOption.Text("exp", "ID", "The experiment to restore: an id, or its first characters, from --target=Experiments");

    public static readonly TargetOption CompareRev = TargetOption.Text("rev", "REV",
        "A side: a git revision (\"workspace\" is the workspace); one side alone is compared with the workspace") with
    { Repeats = true };
    public static readonly TargetOption CompareExp = TargetOption.Text("exp", "ID", "A side: an experiment (its id, or its first characters, from --target=Experiments)")
        with
    { Repeats = true };

    public static readonly TargetOption CompareSweep = TargetOption.Text("sweep", "ID", "Every point of this sweep as a side (its id, or its first characters), alone");
    public static readonly TargetOption ComparePull = TargetOption.Flag("pull", "First download from the shared remote the run-cache entries the sides lack");

    public static readonly TargetOption SweepFile = TargetOption.Text("sweep", "FILE",
        "Sweep the points of a YAML file: grid: {KEY: [V1, V2]} (crossed with the --set axes) or points: [{KEY: V, ...}, ...]");
    public static readonly TargetOption SweepId = TargetOption.Text("sweep", "ID", "Only the points of this sweep (its id, or its first characters)");
    public static readonly TargetOption PointJobs = TargetOption.Number("jobs", "N", 1, 64, "Run up to N points at the same time", 1) with { Alias = 'j' };
    public static readonly TargetOption SweepSet = TargetOption.Text("set", "KEY=V1,V2",
        "An axis of the sweep: a param and its values (comma-separated; [16, 8] is one value; range(start,stop[,step]))") with
    { Repeats = true };

    public static readonly TargetOption On = TargetOption.Choice("on", "WHERE", ["here", "slurm"],
        "here (this machine, --jobs at once) | slurm (one job array; PIPELINE_SLURM_PARTITION, _TIME, _CPUS_PER_TASK, _ARGS)", "here");
    public static readonly TargetOption Detach = TargetOption.Flag("detach", "With --on=slurm: submit, print the job id, and return; --collect=ID gathers it");
    public static readonly TargetOption Collect = TargetOption.Text("collect", "ID", "Gather a sweep submitted to Slurm earlier (its id): follow its job array to the end");

    /// <summary>Taken by every target.</summary>
    public static IReadOnlyList<TargetOption> Global { get; } = [Verbosity];

    /// <summary>Known to the parser on every command line; handled before a target runs.</summary>
    public static IReadOnlyList<TargetOption> Meta { get; } = [Target, Help, Version, Description];
}
