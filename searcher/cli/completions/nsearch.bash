# bash completion for nsearch: commands, each command's options (read from its own --help),
# option values (the facets too, from `nsearch search --help`), and outlet names for --source and source: (from `nsearch sources --format
# names`, on the index given by --index if any). Installed by `cmake --install`; to try it
# from a checkout: source searcher/cli/completions/nsearch.bash

_nsearch_options() {
  "${1:-nsearch}" ${2:+"$2"} --help 2>/dev/null | grep -oE -- '(^| |,)--?[a-zA-Z][a-zA-Z-]*' | sed 's/^[ ,]*//' | sort -u
}

# The facets, as `nsearch search --help` lists them.
_nsearch_facets() {
  "${1:-nsearch}" search --help 2>/dev/null | sed -n 's/.*Comma-separated facets: //p' | tr -d ' ' | tr ',' '\n'
}

_nsearch() {
  local bin=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local commands="search index analyze show stats sources roots serve help" command="" i
  local -a index=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      --index) index+=(--index "${COMP_WORDS[i + 1]}"); ((i++)) ;;
      --source | --since | --until | --format | --sort | --facets | --color | --bidi | --spelling | --limit | -n | \
        --offset | --batch | --width | --snippet-length | --source-names | --jobs | --shards | --batch-size | \
        --segment-size | --progress-log | --forget | --reference-date | --bind | --port | --searches) ((i++)) ;;
      -*) ;;
      *) [[ -z $command ]] && command=${COMP_WORDS[i]} ;;
    esac
  done
  [[ " $commands " == *" $command "* ]] || command=""

  # source:NAME arrives as "source" ":" "NAME" (':' breaks words in bash).
  local source_value=""
  if [[ $prev == ":" && ${COMP_WORDS[COMP_CWORD - 2]} == source ]]; then
    source_value=1
  elif [[ $cur == ":" && $prev == source ]]; then
    source_value=1 cur=""
  elif [[ $prev == --source ]]; then
    source_value=1
  fi
  local IFS=$'\n'
  if [[ -n $source_value ]]; then
    COMPREPLY=($(compgen -W "$("$bin" "${index[@]}" sources --format names 2>/dev/null)" -- "$cur"))
    COMPREPLY=("${COMPREPLY[@]// /\\ }")
    return
  fi
  case $prev in
    --index | --batch | --source-names | --progress-log) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --sort) COMPREPLY=($(compgen -W $'relevance\nnewest\noldest' -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W $'auto\nalways\nnever' -- "$cur")); return ;;
    --bidi) COMPREPLY=($(compgen -W $'auto\nisolate\nvisual\nlogical' -- "$cur")); return ;;
    --spelling) COMPREPLY=($(compgen -W $'suggest\nauto\noff' -- "$cur")); return ;;
    --facets)  # a comma-separated list: the names typed so far stay in front
      local typed=""
      [[ $cur == *,* ]] && typed=${cur%,*},
      COMPREPLY=($(compgen -P "$typed" -W "$(_nsearch_facets "$bin")" -- "${cur##*,}"))
      return ;;
    --format)
      case ${command:-search} in
        search) COMPREPLY=($(compgen -W $'text\njson\njsonl\nids\ntrec' -- "$cur")) ;;
        sources) COMPREPLY=($(compgen -W $'text\njson\nnames' -- "$cur")) ;;
        analyze) COMPREPLY=($(compgen -W "$(_nsearch_options "$bin" analyze | grep -v '^-')" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W $'text\njson' -- "$cur")) ;;
      esac
      return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_nsearch_options "$bin" "${command:-search}")" -- "$cur"))
  elif [[ $command == help ]]; then
    COMPREPLY=($(compgen -W $'query\nformats\nexit-codes' -- "$cur"))
  elif [[ -z $command ]]; then
    COMPREPLY=($(compgen -W "${commands// /$'\n'}" -- "$cur"))
  elif [[ $command == index ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -F _nsearch nsearch
