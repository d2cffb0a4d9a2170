package main

import "strings"

// externalSource reports whether source cites a file of a public repository
// outside ../shared, written "<repository>:<path>@<commit>" with at least
// twelve hex digits of the commit, such as
// "supraverden:data/general_list.yaml@01f0927192e7". Only the repositories
// that kb/data/SOURCES.md lists count: confirmordeny/supraverden (CC BY-SA
// 4.0), whose lists of international organisations give Wikidata QIDs. Such
// a row is not checked against ../shared, which does not hold the file, and
// keeps its QID unless ../shared gives its name another one.
func externalSource(source string) bool {
	repo, rest, ok := strings.Cut(source, ":")
	if !ok || repo != "supraverden" {
		return false
	}
	path, commit, ok := strings.Cut(rest, "@")
	if !ok || path == "" || len(commit) < 12 || len(commit) > 40 {
		return false
	}
	for _, r := range commit {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}
