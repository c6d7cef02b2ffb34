# teapot(1) completion for fish
#
# Copyright The Teapot authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Options are listed here (tests/test-completion.py holds them to `teapot --help`); ids and
# tags come from the program itself, so they follow the dataset it was built with.

# "ids" or "tags", as the program typed on this command line prints them.
function __fish_teapot_values
    set -l program (commandline -opc)[1]
    command $program --complete=$argv[1] 2>/dev/null
end

complete -c teapot -f
complete -c teapot -s h -l help -d 'Show help options'
complete -c teapot -s v -l version -d 'Print the version and exit'
complete -c teapot -l open -x -a '(__fish_teapot_values ids)' -d 'Open the window on an entry'
complete -c teapot -s s -l search -x -d 'Print the entries that match a query, best first'
complete -c teapot -s c -l class -x -a '1xx 2xx 3xx 4xx 5xx' -d 'Only entries of one class'
complete -c teapot -s t -l tag -x -a '(__fish_teapot_values tags)' -d 'Only entries with a tag'
complete -c teapot -s f -l favourites -d 'Only favourites'
complete -c teapot -s l -l list -d 'Print every entry in code order'
complete -c teapot -s n -l limit -x -d 'Print at most N entries'
complete -c teapot -l star -x -a '(__fish_teapot_values ids)' -d 'Add an entry to the favourites'
complete -c teapot -l unstar -x -a '(__fish_teapot_values ids)' -d 'Remove an entry from the favourites'
complete -c teapot -l compare -x -a '(__fish_teapot_values comparisons) (__fish_teapot_values ids)' -d 'Compare codes side by side'
complete -c teapot -l explain -r -F -d 'Explain every status in a log, a HAR file or a pasted response'
complete -c teapot -s j -l json -d 'Print JSON: entry objects, or the --explain summary'
