namespace Pipeline.Stages.Report;

/// <summary>report.html's style sheet.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2433; background: #f7f8fb; margin: 0; }
        main { max-width: 1000px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
        h1 { font-size: 2.1em; margin-bottom: 0.2em; }
        h2 { margin-top: 1.8em; border-bottom: 1px solid #e3e6ee; padding-bottom: 4px; }
        .lead { color: #4a5468; font-size: 1.1em; }
        .note { color: #5a6478; font-size: 0.92em; background: #f6f7fb; border-left: 3px solid #c9cfdd; padding: 6px 10px; }
        .findings li { margin: 6px 0; }
        .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 20px 0; }
        .card { flex: 1 1 150px; background: #f1f4fa; border-radius: 8px; padding: 12px 16px; }
        .card .value { font-size: 1.8em; font-weight: bold; }
        .card .label { color: #5a6478; font-size: 0.9em; }
        .card .ci { color: #3a4458; font-size: 0.85em; margin-bottom: 2px; }
        table { border-collapse: collapse; width: 100%; margin: 12px 0; }
        th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e8ebf2; vertical-align: top; }
        th { background: #f1f4fa; }
        td.num, td.pair { white-space: nowrap; }
        .matrix td, .matrix th { text-align: center; }
        .matrix td.dark { color: #fff; }
        .matrix td small { opacity: 0.8; }
        .matrix td.self { background: #f1f4fa; }
        .by { color: #5a6478; }
        #misclassified td:last-child { font-size: 0.88em; color: #3a4458; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px; }
        .narrow { max-width: 560px; margin: 0 auto; }
        figure { margin: 0; }
        figure img { width: 100%; border: 1px solid #e8ebf2; border-radius: 6px; }
        figcaption { color: #5a6478; font-size: 0.9em; text-align: center; }
        .map { width: 936px; height: 680px; border: 1px solid #e8ebf2; border-radius: 6px; }
        .quiz { padding-left: 1.4em; }
        .quiz .question { margin: 12px 0; }
        .quiz .choices { margin: 6px 0; display: flex; gap: 8px; flex-wrap: wrap; }
        .quiz button { font: inherit; padding: 4px 14px; border-radius: 14px; border: 1px solid #b8c0d2; background: #f4f6fb; cursor: pointer; }
        .quiz button:disabled { cursor: default; opacity: 0.65; }
        .quiz button.right { background: #d6f0e4; border-color: #009E73; opacity: 1; }
        .quiz button.wrong { background: #fbe3d6; border-color: #D55E00; opacity: 1; }
        .quiz .reveal { color: #3a4458; min-height: 1.2em; }
        .quiz-score { font-weight: bold; }

        """;
}
