using System.CommandLine;

namespace IndicatorEngine.Cli.CommandLine;

/// <summary>
/// <c>indicator completion bash|zsh</c>: prints a small script that asks the command itself what can come next
/// (System.CommandLine's <c>[suggest:POSITION]</c> directive): commands, options, the values of --format and
/// --view, shipped system ids, and file names.
/// </summary>
internal static class CompletionScript
{
    public const string Synopsis = "indicator completion bash|zsh";

    public const string About = """
        Prints a shell completion script. Load it in the current shell with

          eval "$(indicator completion bash)"      # or: zsh

        or add that line to ~/.bashrc (~/.zshrc). Completes commands, options, the values of --format and
        --view, the ids of shipped systems, and file names.
        """;

    private const string Bash = """
        # indicator completion for bash: eval "$(indicator completion bash)"
        _indicator_complete() {
            local IFS=$'\n'
            local words
            words=$(indicator "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
            COMPREPLY=($(compgen -W "${words}" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -o bashdefault -F _indicator_complete indicator
        """;

    private const string ZshPrelude = """
        # indicator completion for zsh: eval "$(indicator completion zsh)"
        autoload -U +X bashcompinit && bashcompinit

        """;

    public static Command Command()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh." };
        shell.CompletionSources.Add("bash", "zsh");
        shell.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not ("bash" or "zsh"))
            {
                result.AddError($"unknown shell '{SafeText.Line(value)}'; use bash or zsh{Suggestions.DidYouMean(value ?? "", ["bash", "zsh"])}");
            }
        });
        var command = new Command("completion", "Print a shell completion script (bash or zsh).") { shell };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(shell) == "zsh")
            {
                output.Write(ZshPrelude);
            }

            output.WriteLine(Bash);
            return ExitCodes.Success;
        });
        return command;
    }
}
