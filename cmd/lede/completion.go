package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// completionCommand is "lede completion SHELL": a script that teaches
// bash, zsh or fish lede's commands and flags. It is written from the
// app's own definitions, so a new flag completes without more work.
func (l *lede) completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script (bash, zsh or fish)",
		ArgsUsage: "bash|zsh|fish",
		Description: `Print a script that completes lede's commands and their flags (and file
names where a command takes files) in bash, zsh or fish.

Examples:
   source <(lede completion bash)                     in ~/.bashrc
   lede completion zsh > "${fpath[1]}/_lede"          then restart zsh
   lede completion fish > ~/.config/fish/completions/lede.fish`,
		OnUsageError: onUsageError("completion"),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("completion", "want one shell: bash, zsh or fish")
			}
			write := map[string]func(io.Writer, *cli.App){"bash": bashCompletion, "zsh": zshCompletion, "fish": fishCompletion}[c.Args().First()]
			if write == nil {
				return usagef("completion", "unknown shell %q: want bash, zsh or fish", c.Args().First())
			}
			write(l.stdout, c.App)
			return nil
		},
	}
}

// completable lists the commands a completion offers, help left out.
func completable(app *cli.App) []*cli.Command {
	return slices.DeleteFunc(slices.Clone(app.VisibleCommands()), func(c *cli.Command) bool { return c.Name == "help" })
}

// flagWords lists every name of the flags as typed: "--json", "-f".
func flagWords(flags []cli.Flag) []string {
	var out []string
	for _, f := range flags {
		for _, n := range f.Names() {
			out = append(out, dashes(n))
		}
	}
	return append(out, "--help")
}

// valueFlagWords lists the names of the flags that take a value.
func valueFlagWords(flags []cli.Flag) []string {
	var out []string
	for _, f := range flags {
		if needsValue(flags, "--"+f.Names()[0]) {
			for _, n := range f.Names() {
				out = append(out, dashes(n))
			}
		}
	}
	return out
}

// flagUsage is a flag's help line, shortened and made safe to quote:
// no quotes, brackets, backquotes or colons, which the shells' syntax
// would take for its own.
func flagUsage(f cli.Flag) string {
	u := ""
	if d, ok := f.(cli.DocGenerationFlag); ok {
		u = d.GetUsage()
	}
	u = strings.NewReplacer("'", "", "\"", "", "`", "", "[", "(", "]", ")", ":", " ", "\\", "", "$", "").Replace(u)
	return cut(strings.Join(strings.Fields(u), " "), 70)
}

func bashCompletion(w io.Writer, app *cli.App) {
	fmt.Fprintf(w, `# bash completion for lede; load with: source <(lede completion bash)
_lede() {
    local cur="${COMP_WORDS[COMP_CWORD]}" cmd="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            %s) ((i++)) ;;
            -*) ;;
            *) cmd="${COMP_WORDS[i]}"; break ;;
        esac
    done
    local words
    case "$cmd" in
        "") words="%s %s" ;;
`, strings.Join(valueFlagWords(app.Flags), "|"), strings.Join(commandNames(app), " "), strings.Join(flagWords(app.Flags), " "))
	for _, c := range completable(app) {
		fmt.Fprintf(w, "        %s) words=\"%s\" ;;\n", strings.Join(c.Names(), "|"), strings.Join(flagWords(c.Flags), " "))
	}
	fmt.Fprint(w, `    esac
    if [[ -z "$cmd" || "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    fi
}
complete -o default -F _lede lede
`)
}

// commandNames lists the commands and their aliases.
func commandNames(app *cli.App) []string {
	var out []string
	for _, c := range completable(app) {
		out = append(out, c.Names()...)
	}
	return out
}

func zshCompletion(w io.Writer, app *cli.App) {
	fmt.Fprint(w, "#compdef lede\n# zsh completion for lede; save as _lede in a directory of $fpath\n_lede() {\n    local -a commands\n    commands=(\n")
	for _, c := range completable(app) {
		for _, n := range c.Names() {
			fmt.Fprintf(w, "        '%s:%s'\n", n, flagUsage(&cli.StringFlag{Usage: c.Usage}))
		}
	}
	fmt.Fprint(w, "    )\n    local i cmd=\n    for ((i = 2; i < CURRENT; i++)); do\n        case $words[i] in\n")
	fmt.Fprintf(w, "            %s) ((i++)) ;;\n            -*) ;;\n            *) cmd=$words[i]; break ;;\n        esac\n    done\n", strings.Join(valueFlagWords(app.Flags), "|"))
	fmt.Fprintf(w, "    if [[ -z $cmd ]]; then\n        if [[ $PREFIX == -* ]]; then _arguments %s; else _describe 'lede command' commands; fi\n        return\n    fi\n", zshSpecs(app.Flags))
	fmt.Fprint(w, "    words=($words[i,-1])\n    (( CURRENT -= i - 1 ))\n    case $cmd in\n")
	for _, c := range completable(app) {
		fmt.Fprintf(w, "        %s) _arguments %s '*:file:_files' ;;\n", strings.Join(c.Names(), "|"), zshSpecs(c.Flags))
	}
	fmt.Fprint(w, "    esac\n}\nif [[ $funcstack[1] == _lede ]]; then _lede \"$@\"; else compdef _lede lede; fi\n")
}

// zshSpecs writes flags as _arguments specs: '--db[database file]:value:'.
func zshSpecs(flags []cli.Flag) string {
	var specs []string
	for _, f := range flags {
		value := ""
		if needsValue(flags, "--"+f.Names()[0]) {
			value = ":value:"
		}
		for _, n := range f.Names() {
			specs = append(specs, fmt.Sprintf("'%s[%s]%s'", dashes(n), flagUsage(f), value))
		}
	}
	return strings.Join(specs, " ")
}

func fishCompletion(w io.Writer, app *cli.App) {
	fmt.Fprint(w, "# fish completion for lede; save as ~/.config/fish/completions/lede.fish\n")
	fishFlags(w, "__fish_use_subcommand", app.Flags)
	for _, c := range completable(app) {
		for _, n := range c.Names() {
			fmt.Fprintf(w, "complete -c lede -n __fish_use_subcommand -f -a %s -d '%s'\n", n, flagUsage(&cli.StringFlag{Usage: c.Usage}))
		}
		fishFlags(w, "'__fish_seen_subcommand_from "+strings.Join(c.Names(), " ")+"'", c.Flags)
	}
}

// fishFlags writes one complete line per flag of a command.
func fishFlags(w io.Writer, cond string, flags []cli.Flag) {
	for _, f := range flags {
		var names []string
		for _, n := range f.Names() {
			if len(n) == 1 {
				names = append(names, "-s "+n)
			} else {
				names = append(names, "-l "+n)
			}
		}
		value := ""
		if needsValue(flags, "--"+f.Names()[0]) {
			value = " -r"
		}
		fmt.Fprintf(w, "complete -c lede -n %s %s%s -d '%s'\n", cond, strings.Join(names, " "), value, flagUsage(f))
	}
}
