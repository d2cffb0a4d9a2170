package ingest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"tidings/article"
)

// The corpora of gold tags that training and evaluating the tagger read:
// Reuters-21578 with a chosen set of category fields as the tags, and the
// KPCrowd keyphrase corpus.

// ReutersCategories returns the category fields of Reuters-21578, in the
// order of the file.
func ReutersCategories() []string {
	return []string{"topics", "places", "people", "orgs", "exchanges"}
}

// Category returns the values of one of ReutersCategories; nil for another
// name.
func (d ReutersDoc) Category(field string) []string {
	switch field {
	case "topics":
		return d.Topics
	case "places":
		return d.Places
	case "people":
		return d.People
	case "orgs":
		return d.Orgs
	case "exchanges":
		return d.Exchanges
	}
	return nil
}

// ReadReutersTagged reads a Reuters-21578 .sgm file, or every .sgm file of a
// directory, with the values of the category fields as gold tags, and
// calls keep for each article. A bad article is passed to warn and
// skipped; a file that cannot be opened stops the reading.
func ReadReutersTagged(ctx context.Context, path string, fields []string, warn func(error), keep func(article.Article)) error {
	files := []string{path}
	if st, err := os.Stat(path); err != nil {
		return err
	} else if st.IsDir() {
		files, err = filepath.Glob(filepath.Join(path, "*.sgm"))
		if err != nil || len(files) == 0 {
			return fmt.Errorf("%s: no .sgm files", path)
		}
		slices.Sort(files)
	}
	for _, name := range files {
		if err := readReutersTaggedFile(ctx, name, fields, warn, keep); err != nil {
			return err
		}
	}
	return nil
}

func readReutersTaggedFile(ctx context.Context, name string, fields []string, warn func(error), keep func(article.Article)) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	for d, err := range ReadReuters(ctx, name, f) {
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			warn(err)
			continue
		}
		a := d.Article
		a.GoldTags = nil
		for _, field := range fields {
			for _, t := range d.Category(field) {
				if !slices.Contains(a.GoldTags, t) {
					a.GoldTags = append(a.GoldTags, t)
				}
			}
		}
		keep(a)
	}
	return nil
}

// ReadKPCrowd reads a KPCrowd directory: NAME.txt, whose first line is the
// title, and NAME.key, the gold keyphrases, one a line, lower-cased; it
// calls keep for each article, in the order of the names.
func ReadKPCrowd(ctx context.Context, dir string, keep func(article.Article)) error {
	texts, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(texts) == 0 {
		return fmt.Errorf("%s: no NAME.txt files (want a KPCrowd directory)", dir)
	}
	slices.Sort(texts)
	for _, name := range texts {
		if err := ctx.Err(); err != nil {
			return err
		}
		body, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		gold, err := readKeyphrases(strings.TrimSuffix(name, ".txt") + ".key")
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		title, rest, _ := strings.Cut(strings.ReplaceAll(string(body), "\r\n", "\n"), "\n")
		keep(article.Article{
			ID: strings.TrimSuffix(filepath.Base(name), ".txt"), Title: strings.TrimSpace(title),
			Body: strings.TrimSpace(rest), Origin: name, GoldTags: gold,
		})
	}
	return nil
}

// readKeyphrases reads a KPCrowd .key file: its distinct keyphrases,
// lower-cased, spaces collapsed.
func readKeyphrases(name string) ([]string, error) {
	keys, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer keys.Close()
	var gold []string
	sc := bufio.NewScanner(keys)
	for sc.Scan() {
		if k := strings.ToLower(strings.Join(strings.Fields(sc.Text()), " ")); k != "" && !slices.Contains(gold, k) {
			gold = append(gold, k)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return gold, nil
}
