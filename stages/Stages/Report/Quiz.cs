using System.Security.Cryptography;
using System.Text;
using Pipeline.Stages.Evaluate;

namespace Pipeline.Stages.Report;

/// <summary>
/// report.html's "Whose song?" quiz: ten test songs, the reader guesses whose each is, then sees who liked it and
/// what the model said. The songs are chosen by a hash of their ids, taking each person in turn: the same data
/// gives the same quiz. Plain inline JavaScript; song text reaches the page only as textContent.
/// </summary>
internal static class Quiz
{
    public const int Questions = 10;

    public static IReadOnlyList<PredictedSong> Choose(ReportData data, int count = Questions)
    {
        var queues = data.Classes.Select(c => new Queue<PredictedSong>(data.TestPredictions.Where(p => p.TrueUser == c)
            .OrderBy(p => Hash(p.TrackId), StringComparer.Ordinal).ThenBy(p => p.TrackId, StringComparer.Ordinal))).ToList();
        var chosen = new List<PredictedSong>();
        while (chosen.Count < count && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                if (chosen.Count < count)
                {
                    chosen.Add(queue.Dequeue());
                }
            }
        }
        // Shuffled by the same hash, so the answers do not come in person order.
        return chosen.OrderBy(p => Hash("order:" + p.TrackId), StringComparer.Ordinal).ToList();
    }

    public static string Html(ReportData data)
    {
        var songs = Choose(data);
        if (songs.Count == 0)
        {
            return "";
        }
        var payload = new
        {
            people = data.Classes.Select(Escape.Clean),
            songs = songs.Select(s => new
            {
                name = Escape.Clean(s.Name),
                artists = Escape.Clean(s.Artists),
                truth = Escape.Clean(s.TrueUser),
                model = Escape.Clean(s.PredictedUser),
                sure = Math.Round(data.Confidence(s), 2),
            }),
        };
        var html = new StringBuilder();
        html.Append("<h2>Whose song?</h2>\n<p>Ten songs the model was tested on. Guess whose each one is, then see who liked it and what the model said.</p>\n");
        html.Append("<ol id=\"quiz\" class=\"quiz\"></ol>\n<p id=\"quiz-score\" class=\"quiz-score\"></p>\n");
        html.Append("<script>\nconst quizData = ").Append(ReportJson.Serialize(payload)).Append(";\n").Append(Script).Append("</script>\n");
        return html.ToString();
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private const string Script = """
        (function () {
          const q = quizData, list = document.getElementById("quiz"), score = document.getElementById("quiz-score");
          let answered = 0, right = 0, modelRight = 0;
          const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
          q.songs.forEach((s, i) => {
            const item = el("li", "question");
            item.id = "quiz-" + (i + 1);
            const title = el("div", "song");
            title.append(el("b", "", s.name), document.createTextNode(" by " + s.artists));
            const buttons = el("div", "choices");
            const reveal = el("div", "reveal");
            q.people.forEach(person => {
              const b = el("button", "choice", person);
              b.type = "button";
              b.addEventListener("click", () => {
                buttons.querySelectorAll("button").forEach(x => { x.disabled = true; });
                const ok = person === s.truth;
                answered++; if (ok) right++; if (s.model === s.truth) modelRight++;
                b.classList.add(ok ? "right" : "wrong");
                reveal.textContent = (ok ? "Right: " : "No: ") + "it is " + s.truth + "'s. The model said " + s.model
                  + " (" + s.sure.toFixed(2) + ")" + (s.model === s.truth ? "." : ", and was wrong.");
                if (answered === q.songs.length) {
                  score.textContent = "You got " + right + " of " + q.songs.length + "; the model got " + modelRight + ".";
                }
              });
              buttons.append(b);
            });
            item.append(title, buttons, reveal);
            list.append(item);
          });
        })();

        """;
}
