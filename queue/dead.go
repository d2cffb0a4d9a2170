package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"tidings/article"
)

// DeadLetter is a message that the workers gave up on.
type DeadLetter struct {
	Sequence   uint64           `json:"sequence"`   // the dead letter's own sequence in the stream, for Redrive
	Time       time.Time        `json:"time"`       // when it was dead-lettered
	Reason     string           `json:"reason"`     // why
	Origin     string           `json:"origin"`     // the article's Origin, as published
	Subject    string           `json:"subject"`    // the subject it was published on
	Original   uint64           `json:"original"`   // its sequence in the stream then
	Deliveries int              `json:"deliveries"` // how many times it was delivered
	Article    *article.Article `json:"article"`    // nil when the message is not an article
	Data       []byte           `json:"data"`       // the message as published
}

// DeadLetters returns the dead letters, oldest first, at most limit of them
// (all when limit <= 0).
func (q *Queue) DeadLetters(ctx context.Context, limit int) ([]DeadLetter, error) {
	var out []DeadLetter
	for seq := uint64(1); limit <= 0 || len(out) < limit; {
		m, err := q.stream.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(SubjectDead))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			break
		}
		if err != nil {
			return out, fmt.Errorf("reading dead letters from %s of stream %s at %s: %w", SubjectDead, StreamName, q.where, err)
		}
		out = append(out, deadLetter(m))
		seq = m.Sequence + 1
	}
	return out, nil
}

func deadLetter(m *jetstream.RawStreamMsg) DeadLetter {
	d := DeadLetter{
		Sequence: m.Sequence,
		Time:     m.Time,
		Reason:   m.Header.Get(HeaderDeadReason),
		Origin:   m.Header.Get(HeaderOrigin),
		Subject:  m.Header.Get(HeaderDeadSubject),
		Data:     m.Data,
	}
	d.Original, _ = strconv.ParseUint(m.Header.Get(HeaderDeadSequence), 10, 64)
	d.Deliveries, _ = strconv.Atoi(m.Header.Get(HeaderDeadDeliveries))
	var a article.Article
	if json.Unmarshal(m.Data, &a) == nil {
		d.Article = &a
	}
	return d
}

// Redrive queues the dead letter with sequence seq again for the workers,
// with a fresh count of tries, and deletes the dead letter. Run it once the
// cause is fixed.
func (q *Queue) Redrive(ctx context.Context, seq uint64) error {
	where := fmt.Sprintf("dead letter %d of stream %s at %s", seq, StreamName, q.where)
	m, err := q.stream.GetMsg(ctx, seq)
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	if m.Subject != SubjectDead {
		return fmt.Errorf("%s: message is on %s, not %s", where, m.Subject, SubjectDead)
	}
	msg := nats.NewMsg(SubjectArticles)
	msg.Data = m.Data
	if origin := m.Header.Get(HeaderOrigin); origin != "" {
		msg.Header.Set(HeaderOrigin, origin)
	}
	// Not the article's own id: that may still be in the duplicate window.
	// This one makes a repeated Redrive of one dead letter harmless.
	msg.Header.Set(jetstream.MsgIDHeader, "redrive:"+strconv.FormatUint(seq, 10))
	if _, err := q.publish(ctx, msg); err != nil {
		return fmt.Errorf("%s: queueing it again: %w", where, err)
	}
	if err := q.stream.DeleteMsg(ctx, seq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
		return fmt.Errorf("%s: queued again, but deleting it failed: %w", where, err)
	}
	return nil
}
