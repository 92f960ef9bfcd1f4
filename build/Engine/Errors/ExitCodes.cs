namespace Pipeline.Engine.Errors;

public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A stage failed, Status found stale stages, or the workspace is busy with --no-wait.</summary>
    public const int Failed = 1;
    /// <summary>Bad usage, bad params, bad input data, a bad graph or a corrupt lock file.</summary>
    public const int BadUsage = 2;
}
