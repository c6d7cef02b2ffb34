# teapot(1) completion for bash                              -*- shell-script -*-
#
# Copyright The Teapot authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Options are listed here (tests/test-completion.py holds them to `teapot --help`); ids and
# tags come from the program itself, so they follow the dataset it was built with.

_teapot_values()
{
    local line
    while IFS=$'\t' read -r line _; do
        printf '%s\n' "$line"
    done < <("$1" --complete="$2" 2>/dev/null)
}

_teapot()
{
    local cur prev words cword split
    _init_completion -s || return

    case $prev in
        --open | --star | --unstar)
            COMPREPLY=($(compgen -W '$(_teapot_values "$1" ids)' -- "$cur"))
            return
            ;;
        --compare)
            COMPREPLY=($(compgen -W '$(_teapot_values "$1" comparisons) $(_teapot_values "$1" ids)' -- "$cur"))
            return
            ;;
        --tag | -t)
            COMPREPLY=($(compgen -W '$(_teapot_values "$1" tags)' -- "$cur"))
            return
            ;;
        --class | -c)
            COMPREPLY=($(compgen -W '1xx 2xx 3xx 4xx 5xx' -- "$cur"))
            return
            ;;
        --explain)
            _filedir
            return
            ;;
        --search | -s | --limit | -n)
            return
            ;;
    esac

    $split && return

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '--open= --search= --class= --tag= --favourites --list --limit=
            --star= --unstar= --compare= --explain= --json --version --help' -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
    fi
} &&
    complete -F _teapot teapot
