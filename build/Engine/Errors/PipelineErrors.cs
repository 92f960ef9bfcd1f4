namespace Pipeline.Engine.Errors;

/// <summary>Every user-facing engine error, each message written once.</summary>
internal static class PipelineErrors
{
    public static PipelineException ParamsSyntax(string file, long line, long column, string detail) =>
        new($"{file}:{line}:{column}: YAML syntax error: {detail}", ExitCodes.BadUsage);

    public static PipelineException UnknownParamKey(string file, long line, long column, string keyPath, string didYouMean = "") =>
        new($"{file}:{line}:{column}: unknown key '{keyPath}'{didYouMean}", ExitCodes.BadUsage);

    public static PipelineException TaskParamsUnknown(string task, string key, IReadOnlyList<string> sections) =>
        new($"task {task} declares [Params(\"{key}\")], which params.yaml has no key for (its sections: {string.Join(", ", sections)}); " +
            "fix the attribute, or its fingerprint would leave the real value out", ExitCodes.BadUsage);

    public static PipelineException WrongParamType(string file, long line, long column, string keyPath, string detail) =>
        new($"{file}:{line}:{column}: '{keyPath}': {detail}", ExitCodes.BadUsage);

    public static PipelineException InvalidParam(string where, string keyPath, string detail) =>
        new($"{where}: '{keyPath}': {detail}", ExitCodes.BadUsage);

    public static PipelineException ParamsFileMissing(string file, string why) =>
        new($"{file} {why}: the pipeline needs its params file in the workspace", ExitCodes.BadUsage);

    public static PipelineException ParamsEmpty(string file) =>
        new($"{file} is empty: it must set at least fetch.source and fetch.users (see the README's params.yaml section)", ExitCodes.BadUsage);

    public static PipelineException DuplicateParamKey(string file, long line, long column, string keyPath) =>
        new($"{file}:{line}:{column}: '{keyPath}' is given twice; keep one", ExitCodes.BadUsage);

    public static PipelineException BadSetArgument(string argument, string detail) =>
        new($"--set {argument}: {detail}", ExitCodes.BadUsage);

    public static PipelineException UnknownTarget(string target, string? nearest, IEnumerable<string> known) =>
        new($"unknown target '{target}'{(nearest is null ? "" : $"; did you mean {nearest}?")} Targets: {string.Join(", ", known)} (see ./build.sh --help)", ExitCodes.BadUsage);

    public static PipelineException Cycle(IEnumerable<string> stages) =>
        new($"the stage graph has a cycle: {string.Join(" -> ", stages)}", ExitCodes.BadUsage);

    public static PipelineException TwoWriters(string path, string first, string second) =>
        new($"'{path}' is written by two stages: {first} and {second}", ExitCodes.BadUsage);

    public static PipelineException DuplicateStage(string name) =>
        new($"two tasks are named '{name}'", ExitCodes.BadUsage);

    public static PipelineException MissingInput(string stage, string path) =>
        new($"{stage}: input '{path}' does not exist and no stage writes it", ExitCodes.BadUsage);

    public static PipelineException MissingUpstreamOutput(string stage, string path, string producer) =>
        new($"{stage}: input '{path}' does not exist; run {producer} first (or drop --exclusive)", ExitCodes.BadUsage);

    public static PipelineException LockCorrupt(string file, long line, long column, string detail) =>
        new($"{file}:{line}:{column}: the lock file is corrupt ({detail}). Fix it, or restore it with 'git checkout {file}', or delete it to rebuild every stage", ExitCodes.BadUsage);

    public static PipelineException WorkspaceBusy(string holder) =>
        new($"another run holds this workspace ({holder}); drop --no-wait to wait for it", ExitCodes.Failed);

    public static PipelineException BadInput(string stage, string detail) =>
        new($"{stage}: {detail}", ExitCodes.BadUsage);

    public static PipelineException StageFailed(string stage, Exception cause) =>
        new($"{stage} failed: {cause.GetType().Name}: {cause.Message}", ExitCodes.Failed, cause);

    public static PipelineException NotInGitRepository(string detail) =>
        new($"cannot read from git: {detail}", ExitCodes.BadUsage);

    public static PipelineException UnknownRevision(string rev) =>
        new($"cannot read from git: git does not know the revision '{rev}' (a branch, tag or commit; --rev defaults to HEAD)", ExitCodes.BadUsage);

    public static PipelineException NotAtRevision(string path, string rev) =>
        new($"{path} is not in {rev}: nothing to compare with (commit it there first, or choose another --rev)", ExitCodes.BadUsage);

    public static PipelineException NotInWorkspace(string path) =>
        new($"{path} does not exist in the workspace: run ./build.sh first", ExitCodes.BadUsage);
}
