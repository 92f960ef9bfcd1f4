using System.ComponentModel;
using Spectre.Console.Cli;

namespace Pipeline.Engine.Cli;

/// <summary>The command line, Cake's conventions: --target, --force, --exclusive, --dryrun, --set, --verbosity.</summary>
internal sealed class BuildSettings : CommandSettings
{
    [CommandOption("-t|--target <TARGET>")]
    [Description("The stage to bring up to date (with what it depends on), or a view or command; the targets are listed below")]
    public string? Target { get; init; }

    [CommandOption("--force")]
    [Description("Rerun the target even if it is up to date")]
    public bool Force { get; init; }

    [CommandOption("-e|--exclusive")]
    [Description("Run the target alone, not its dependencies")]
    public bool Exclusive { get; init; }

    [CommandOption("--dryrun")]
    [Description("Say what would run and why; run nothing")]
    public bool DryRun { get; init; }

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Override a param for this run, e.g. --set train.mlp.epochs=50 (repeatable)")]
    public string[] Set { get; init; } = [];

    [CommandOption("-v|--verbosity <LEVEL>")]
    [Description("quiet | normal | verbose")]
    [DefaultValue(Verbosity.Normal)]
    public Verbosity Verbosity { get; init; } = Verbosity.Normal;

    [CommandOption("--tree")]
    [Description("Show the target and the stages it depends on as a tree, as Cake's --tree; run nothing")]
    public bool Tree { get; init; }

    [CommandOption("--description")]
    [Description("List every target with its description; run nothing")]
    public bool ShowDescription { get; init; }

    [CommandOption("--version")]
    [Description("Print the pipeline's version")]
    public bool Version { get; init; }

    [CommandOption("--top <N>")]
    [Description("Predict: the rows shown on the terminal (default 20); the file always has them all")]
    public int? Top { get; init; }

    [CommandOption("--no-wait")]
    [Description("Fail at once when another run holds the workspace, instead of waiting")]
    public bool NoWait { get; init; }

    [CommandOption("--input <FILE>")]
    [Description("The file a command target reads, e.g. --target=Predict --input=songs.csv")]
    public string? Input { get; init; }

    [CommandOption("--user <NAME>")]
    [Description("The person a command target is for, e.g. --target=Login --user=ana")]
    public string? User { get; init; }

    [CommandOption("--no-browser")]
    [Description("Login: do not open a browser; print the address, and take the redirected address pasted on standard input")]
    public bool NoBrowser { get; init; }

    [CommandOption("--rev <REV>")]
    [Description("The git revision MetricsDiff and ParamsDiff compare the workspace with (default HEAD); with a run, the report shows the changes against it")]
    public string? Rev { get; init; }

    [CommandOption("--exp <ID>")]
    [Description("Apply: the experiment to restore (an id, or its first characters, from --target=Experiments)")]
    public string? Exp { get; init; }

    [CommandOption("--sort <METRIC>")]
    [Description("Experiments: best first by this metric (lowest first for a loss or an error)")]
    public string? Sort { get; init; }

    [CommandOption("--keep <N>")]
    [Description("Gc: keep only the newest N experiments of this workspace (and what commits and the lock need)")]
    public int? Keep { get; init; }

    [CommandOption("--all")]
    [Description("MetricsDiff, ParamsDiff: unchanged values too; Push, Pull: every run-cache entry, not only those pipeline.lock names")]
    public bool All { get; init; }

    [CommandOption("--json")]
    [Description("Metrics, MetricsDiff: JSON for machines instead of a Markdown table")]
    public bool Json { get; init; }

    [CommandOption("--md")]
    [Description("Metrics, MetricsDiff: a GitHub Markdown table (the default)")]
    public bool Markdown { get; init; }

    [CommandOption("--pull")]
    [Description("A run: restore from the shared remote (pipeline.remote.yaml) any stage that would otherwise run")]
    public bool Pull { get; init; }

    [CommandOption("--remote")]
    [Description("Status: also say which stages the shared remote could restore")]
    public bool Remote { get; init; }

    [CommandOption("-j|--jobs <N>")]
    [Description("Run up to N stages with no path between them at the same time (default 1)")]
    [DefaultValue(1)]
    public int Jobs { get; init; } = 1;
}
