using System.Diagnostics;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Engine;

/// <summary>The habits CI keeps: the code is formatted as the whole of dotnet format wants (whitespace, style, imports) and style rules are enforced in the build.</summary>
public sealed class CodeStyleTests
{
    [Fact]
    public async Task The_code_is_formatted_as_dotnet_format_wants()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "format", "Pipeline.slnx", "--verify-no-changes" })
        {
            start.ArgumentList.Add(arg);
        }
        using var format = Process.Start(start)!;
        var output = format.StandardOutput.ReadToEndAsync();
        var error = format.StandardError.ReadToEndAsync();
        Assert.True(format.WaitForExit(TimeSpan.FromMinutes(10)), "dotnet format did not finish in 10 minutes (a hang guard)");

        Assert.True(format.ExitCode == 0, $"run 'dotnet format Pipeline.slnx' to fix:\n{await output}{await error}");
    }

    [Fact]
    public void Style_rules_are_enforced_in_the_build()
    {
        var props = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Build.props"));

        Assert.Contains("<EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>", props, StringComparison.Ordinal);
        Assert.Contains("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", props, StringComparison.Ordinal);
    }

    /// <summary>Every project's whole package graph is committed, and CI restores in locked mode against it.</summary>
    [Fact]
    public void Every_project_commits_its_package_lock_and_CI_restores_locked()
    {
        var projects = Git.Run(Repository.Root, "ls-files", "*.csproj").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var props = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Build.props"));
        var packages = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Packages.props"));

        Assert.NotEmpty(projects);
        Assert.All(projects, p => Assert.True(File.Exists(Path.Combine(Repository.Root, Path.GetDirectoryName(p)!, "packages.lock.json")), $"{p} has no packages.lock.json"));
        Assert.Contains("<RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>", props, StringComparison.Ordinal);
        Assert.Contains("<RestoreLockedMode Condition=\"'$(CI)' == 'true'\">true</RestoreLockedMode>", props, StringComparison.Ordinal);
        Assert.Contains("<CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>", packages, StringComparison.Ordinal);
    }
}
