using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Engine.Sweeps.Slurm;

/// <summary>
/// The state of a job array's tasks, as <c>scontrol show job -o ID</c> prints them: one line a task that started (its
/// ArrayTaskId, JobState, ExitCode), and one line for the tasks still pending (ArrayTaskId=3-7%2).
/// </summary>
internal static partial class ArrayTasks
{
    public static readonly IReadOnlySet<string> Ended = new HashSet<string>(StringComparer.Ordinal)
    {
        "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE",
    };

    /// <summary>Task number to (state, exit code); tasks of a pending range are each PENDING.</summary>
    public static Dictionary<int, (string State, int ExitCode)> Parse(string scontrolOutput)
    {
        var tasks = new Dictionary<int, (string, int)>();
        foreach (var line in scontrolOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = Field().Matches(line).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            if (!fields.TryGetValue("ArrayTaskId", out var ids) || !fields.TryGetValue("JobState", out var state))
            {
                continue;
            }
            var exit = fields.TryGetValue("ExitCode", out var code) && int.TryParse(code.Split(':')[0], CultureInfo.InvariantCulture, out var c) ? c : 0;
            foreach (var id in Ids(ids))
            {
                tasks[id] = (state, exit);
            }
        }
        return tasks;
    }

    /// <summary>sacct -n -P -X -o JobID,State,ExitCode: "41_3|CANCELLED by 0|0:15" a line; pending ranges "41_[4-7]".</summary>
    public static Dictionary<int, (string State, int ExitCode)> ParseAccounting(string sacctOutput)
    {
        var tasks = new Dictionary<int, (string, int)>();
        foreach (var fields in sacctOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split('|')).Where(f => f.Length >= 3))
        {
            var underscore = fields[0].IndexOf('_', StringComparison.Ordinal);
            if (underscore < 0)
            {
                continue;
            }
            var state = fields[1].Split(' ')[0];
            var exit = int.TryParse(fields[2].Split(':')[0], CultureInfo.InvariantCulture, out var c) ? c : 0;
            foreach (var id in Ids(fields[0][(underscore + 1)..].Trim('[', ']')))
            {
                tasks[id] = (state, exit);
            }
        }
        return tasks;
    }

    /// <summary>"4", "3-7%2", "1,3,5-6": the task numbers.</summary>
    private static IEnumerable<int> Ids(string text)
    {
        foreach (var part in text.Split('%')[0].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            if (int.TryParse(range[0], CultureInfo.InvariantCulture, out var from))
            {
                var to = range.Length > 1 && int.TryParse(range[1], CultureInfo.InvariantCulture, out var t) ? t : from;
                for (var i = from; i <= to; i++)
                {
                    yield return i;
                }
            }
        }
    }

    [GeneratedRegex(@"(?:^|\s)(\w+)=(\S*)")]
    private static partial Regex Field();
}
