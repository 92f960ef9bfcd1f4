namespace Pipeline.Engine.Cli;

internal enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}
