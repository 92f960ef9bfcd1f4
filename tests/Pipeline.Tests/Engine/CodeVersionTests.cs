using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pipeline.Engine.Hashing;

namespace Pipeline.Tests.Engine;

/// <summary>The IL-based code version, on assemblies compiled here from two versions of one source.</summary>
public sealed class CodeVersionTests
{
    private const string Original = """
        using System.Linq;
        namespace Demo;
        public sealed class StageTask
        {
            public int Run() => Helper.Compute(3) + new[] { 1, 2 }.Select(x => x * 10).Sum();
        }
        public static class Helper
        {
            public static int Compute(int x) => x * 2;
        }
        public static class Unrelated
        {
            public static int Other() => 5;
        }
        """;

    [Fact]
    public void A_comment_only_edit_changes_nothing()
    {
        var edited = Original.Replace("public int Run()", "// Runs the stage; a long comment\n    // over two lines.\n    public int Run()", StringComparison.Ordinal);

        Assert.Equal(Version(Original), Version(edited));
    }

    [Fact]
    public void Editing_the_stage_code_changes_its_version()
    {
        var edited = Original.Replace("x * 10", "x * 11", StringComparison.Ordinal);

        Assert.NotEqual(Version(Original), Version(edited));
    }

    [Fact]
    public void Editing_domain_code_the_stage_uses_changes_its_version()
    {
        var edited = Original.Replace("x * 2;", "x * 3;", StringComparison.Ordinal);

        Assert.NotEqual(Version(Original), Version(edited));
    }

    [Fact]
    public void Editing_code_the_stage_never_reaches_changes_nothing_even_when_it_shifts_metadata_tokens()
    {
        var edited = Original.Replace("public static int Other() => 5;", "public static int Other() => 6;\n    public static int More() => 7;", StringComparison.Ordinal)
            .Replace("namespace Demo;", "namespace Demo;\npublic static class First { public static int A() => 1; public static int B() => 2; }", StringComparison.Ordinal);

        Assert.Equal(Version(Original), Version(edited));
    }

    [Fact]
    public void The_same_source_in_another_checkout_folder_has_the_same_version()
    {
        // File-local types (source generators such as GeneratedRegex emit them) carry a hash of the source file's path.
        var source = Original.Replace("x * 2;", "Local.Twice(x);\n}\nfile static class Local\n{\n    public static int Twice(int x) => x * 2;", StringComparison.Ordinal);

        var here = Version(source, "/work/main/stages/Helper.cs");
        var there = Version(source, "/tmp/clone/stages/Helper.cs");

        Assert.Equal(here, there);
        Assert.NotEqual(here, Version(source.Replace("x * 2;", "x * 3;", StringComparison.Ordinal), "/tmp/clone/stages/Helper.cs"));
    }

    private static string Version(string source, string path = "")
    {
        var assembly = Compile(source, path);
        return new CodeVersioner([assembly]).Version(assembly.GetType("Demo.StageTask", throwOnError: true)!);
    }

    private static Assembly Compile(string source, string path)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path);
        var compilation = CSharpCompilation.Create("Demo", [tree], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true, optimizationLevel: OptimizationLevel.Release,
                usings: ["System", "System.Linq"]));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream);
    }
}
