// Package archive puts analysed articles into the store: skip what is
// known, analyse in order, commit in groups, report each article once
// committed. The three writers (tidings ingest, tidings worker and the
// server's analyse-and-store) go through it, so they share one batch bound
// and one retry policy.
package archive
