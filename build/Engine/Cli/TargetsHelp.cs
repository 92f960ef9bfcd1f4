using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Pipeline.Engine.Cli;

/// <summary>Spectre's help, then every target with its line, so --help is the one place to learn the command. The list is made only when help is shown.</summary>
internal sealed class TargetsHelp(ICommandAppSettings settings, Func<IReadOnlyList<(string Name, string Kind, string Description)>> targets, string defaultTarget)
    : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        var grid = new Grid().AddColumn(new GridColumn().PadLeft(4).PadRight(4)).AddColumn(new GridColumn().PadRight(2)).AddColumn();
        foreach (var (name, kind, description) in targets())
        {
            grid.AddRow(new Text(name == defaultTarget ? $"{name} (default)" : name), new Text(kind, new Style(Color.Grey)), new Text(description));
        }
        return [new Markup("\n[yellow]TARGETS:[/]\n"), grid, new Text("\nExample: ./build.sh --target=Train --set train.mlp.epochs=50\n")];
    }
}
