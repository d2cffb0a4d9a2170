package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// lineReader reads lines with bounded memory: a line longer than max is
// skipped (and reported as too long) instead of being buffered whole.
type lineReader struct {
	br   *bufio.Reader
	max  int64
	n    int    // number of the line last returned, from 1
	long []byte // accumulates a line that spans several buffer fills
}

func newLineReader(br *bufio.Reader, max int64) *lineReader {
	return &lineReader{br: br, max: max}
}

// next returns the next line without its "\n" or "\r\n". The line is only
// valid until the following call. tooLong reports a line over the limit,
// whose content is dropped. At the end of the input err is io.EOF.
func (lr *lineReader) next() (line []byte, tooLong bool, err error) {
	lr.long = lr.long[:0]
	size := int64(0)
	sawData := false
	for {
		chunk, err := lr.br.ReadSlice('\n')
		if len(chunk) > 0 {
			sawData = true
		}
		size += int64(len(chunk))
		switch {
		case tooLong:
		case size > lr.max+2: // room for the "\r\n" that is not part of the line
			tooLong = true
			lr.long = lr.long[:0]
		case errors.Is(err, bufio.ErrBufferFull) || len(lr.long) > 0:
			lr.long = append(lr.long, chunk...)
			line = lr.long
		default:
			line = chunk
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, false, err
		}
		if !sawData {
			return nil, false, io.EOF
		}
		lr.n++
		if tooLong {
			return nil, true, nil
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if int64(len(line)) > lr.max {
			return nil, true, nil
		}
		return line, false, nil
	}
}
