namespace Pipeline.Engine.Errors;

/// <summary>An error the user can act on; <see cref="ExitCode"/> is what the host exits with.</summary>
public sealed class PipelineException : Exception
{
    public PipelineException()
    {
    }

    public PipelineException(string message) : base(message)
    {
    }

    public PipelineException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public PipelineException(string message, int exitCode, Exception? innerException = null) : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; } = ExitCodes.BadUsage;
}
