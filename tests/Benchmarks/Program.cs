using Pipeline.Benchmarks;

// "hello" is the baseline: a built .NET program that starts, prints and exits, touching nothing else.
if (args is ["hello"])
{
    Console.WriteLine("hello");
    return 0;
}
return Suite.Run(args);
