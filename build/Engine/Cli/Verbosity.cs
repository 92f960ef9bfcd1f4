namespace Pipeline.Engine.Cli;

public enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}
