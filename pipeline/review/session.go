package review

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// Session is an interactive review: one sentence at a time, the person
// answers with a key — a accept, p accept the paragraph (every sentence of
// it without a QA error), e edit, f accept despite QA errors, s skip, b
// back, q quit. Every decision is saved at once, whole files written
// atomically, with the place the session has reached: quitting, a closed
// input or a crash loses nothing, and the next session starts where this
// one stopped, then comes round to what was skipped before.
type Session struct {
	Reviewer *Reviewer
	// In gives the person's answers, a line each.
	In *bufio.Reader
	// Show presents a sentence, the pos-th of total.
	Show func(it Item, pos, total int)
	// Ask asks for the next answer; Say tells the person something else: a
	// refusal, a key it does not know.
	Ask, Say func(m *locales.Message)
	// Edit lets the person edit text in an editor; nil reads the new text
	// as the next line of In.
	Edit func(text string) (string, error)
	// Save writes files.
	Save func([]store.File) error

	lines chan lineOrErr
	want  chan struct{}
	// pending is true while a line asked for has not been read; readErr
	// is how the input ended.
	pending bool
	readErr error
}

// Summary is what a session did.
type Summary struct {
	Approved, Skipped, Left int
	// Done is true when the session went through to the end.
	Done bool
}

// Run runs the session until the person quits, the input ends or every
// sentence that needed review has had its turn.
func (s *Session) Run(ctx context.Context) (Summary, error) {
	pr := &progress{queue: s.queue(), skipped: map[string]bool{}}
	if len(pr.queue) == 0 {
		return Summary{Done: true}, nil
	}
	for pr.i < len(pr.queue) {
		if err := ctx.Err(); err != nil {
			return pr.sum, err
		}
		quit, err := s.turn(ctx, pr)
		if quit {
			return s.stop(pr, err)
		}
		if err != nil {
			return pr.sum, err
		}
	}
	pr.sum.Skipped = len(pr.skipped)
	pr.sum.Done = true
	s.Reviewer.Log.Next = ""
	return pr.sum, s.Save(s.Reviewer.Files())
}

// progress is where a session has got to.
type progress struct {
	queue   []string
	i       int // the sentence on screen is queue[i]
	sum     Summary
	skipped map[string]bool
	// pending is an edit QA refused, which f approves all the same; it
	// belongs to the sentence on screen and is forgotten when that changes.
	pending, pendingID string
}

// turn shows the sentence on screen and acts on the person's answer.
// quit is true when the session stops there: q, or the input ended (err
// says how). An error without quit is one approving or saving met.
func (s *Session) turn(ctx context.Context, pr *progress) (quit bool, err error) {
	id := pr.queue[pr.i]
	if id != pr.pendingID {
		pr.pending = ""
	}
	it, _ := s.Reviewer.Item(id)
	s.Show(it, pr.i+1, len(pr.queue))
	s.Ask(locales.New("review.prompt"))
	line, err := s.readLine(ctx)
	if err != nil {
		return true, err
	}
	approval := Approval{ID: id}
	switch strings.ToLower(line) {
	case "a", "f":
		// The person approves what they were shown (after going back
		// to an approved sentence, the approved text), or with f the
		// edit QA refused.
		approval.Force = line == "f" || line == "F"
		switch {
		case approval.Force && pr.pending != "":
			approval.Text, approval.Edited = pr.pending, true
		case it.From != "" || it.Translation != "":
			approval.Text, approval.Edited = it.Translation, true
		}
	case "e":
		text, err := s.edit(ctx, it.Translation)
		if err != nil {
			return true, err
		}
		if text == "" {
			return false, nil
		}
		approval.Text, approval.Edited = text, true
		pr.pending, pr.pendingID = text, id
	case "p":
		approved, next, kept := s.approveParagraph(pr.queue, pr.i)
		for _, done := range approved {
			delete(pr.skipped, done)
		}
		pr.sum.Approved += len(approved)
		said := "review.paragraph"
		switch kept {
		case keptQA:
			said = "review.paragraph.kept"
		case keptStale:
			said = "review.paragraph.stale"
		}
		s.Say(locales.New(said, "Approved", len(approved)))
		return false, s.moveTo(pr, next)
	case "s":
		pr.skipped[id] = true
		return false, s.moveTo(pr, pr.i+1)
	case "b":
		pr.i = max(pr.i-1, 0)
		return false, nil
	case "q":
		return true, nil
	default:
		s.Say(locales.New("review.prompt.unknown", "Key", line))
		return false, nil
	}
	return false, s.approve(pr, approval)
}

// approve approves the sentence on screen and goes on to the next; a
// refusal is said and keeps the session on it.
func (s *Session) approve(pr *progress, a Approval) error {
	changed, err := s.Reviewer.Approve(a)
	if err != nil {
		if s.sayRefusal(err) {
			return nil
		}
		return err
	}
	if changed {
		pr.sum.Approved++
	}
	delete(pr.skipped, a.ID)
	return s.moveTo(pr, pr.i+1)
}

// moveTo puts the sentence queue[i] on screen, records that place and
// writes.
func (s *Session) moveTo(pr *progress, i int) error {
	pr.i = i
	s.Reviewer.Log.Next = ""
	if i < len(pr.queue) {
		s.Reviewer.Log.Next = pr.queue[i]
	}
	return s.Save(s.Reviewer.Files())
}

// Why approving a paragraph left a sentence of it for the person.
const (
	keptNone = iota
	// keptQA: its translation has QA errors (or there is none).
	keptQA
	// keptStale: its source changed since its translation was approved,
	// and the person has not seen the change yet: p approves only the
	// stale sentence on screen, never one further on, unseen.
	keptStale
)

// approveParagraph approves, in the paragraph of queue[i], every sentence
// from queue[i] on that has a translation without QA errors, and is not
// stale unless it is queue[i] itself, the one on screen. It returns the ids
// it approved and where the session goes on: the first sentence of the
// paragraph left, with why it was kept, or else the next paragraph.
func (s *Session) approveParagraph(queue []string, i int) (approved []string, next, kept int) {
	block := map[string]int{}
	for _, sen := range s.Reviewer.Letter.Doc.Sentences() {
		block[sen.ID] = sen.Block
	}
	left, why := -1, keptNone
	j := i
	for ; j < len(queue) && block[queue[j]] == block[queue[i]]; j++ {
		it, _ := s.Reviewer.Item(queue[j])
		if j > i && it.State == store.Stale {
			if left < 0 {
				left, why = j, keptStale
			}
			continue
		}
		// Approve refuses a translation with QA errors, or none: it stays.
		changed, err := s.Reviewer.Approve(Approval{ID: it.ID, Text: it.Translation, Edited: true})
		if changed {
			approved = append(approved, it.ID)
		}
		if err != nil && left < 0 {
			left, why = j, keptQA
		}
	}
	if left >= 0 {
		return approved, left, why
	}
	return approved, j, keptNone
}

// queue lists the ids to review, starting where the last session stopped.
// A failed sentence is among them: the person may write its translation.
func (s *Session) queue() []string {
	var ids []string
	for _, it := range s.Reviewer.Items() {
		ids = append(ids, it.ID)
	}
	next := s.Reviewer.Log.Next
	if next == "" {
		return ids
	}
	order := map[string]int{}
	for i, m := range s.Reviewer.Letter.SourceCatalog.Messages {
		order[m.ID] = i
	}
	at, ok := order[next]
	if !ok {
		return ids
	}
	for i, id := range ids {
		if order[id] >= at {
			return append(ids[i:], ids[:i]...)
		}
	}
	return ids
}

// stop ends the session early at the sentence on screen, saving the place.
// An interrupted session (Ctrl-C) saves its place too, and reports the
// interruption.
func (s *Session) stop(pr *progress, err error) (Summary, error) {
	sum := pr.sum
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, context.Canceled) {
		return sum, err
	}
	sum.Skipped = len(pr.skipped)
	// a paragraph approved at once may have left sentences behind that
	// are done already
	rest := pr.queue[pr.i:]
	for _, id := range rest {
		if it, _ := s.Reviewer.Item(id); it.State != store.Approved {
			sum.Left++
		}
	}
	s.Reviewer.Log.Next = rest[0]
	if serr := s.Save(s.Reviewer.Files()); serr != nil {
		return sum, serr
	}
	if errors.Is(err, context.Canceled) {
		return sum, err
	}
	return sum, nil
}

// readLine returns the person's next answer. The input is read in its own
// goroutine so that Ctrl-C ends a session waiting for an answer at once.
// That goroutine reads a line only when asked for one, so that between
// answers an editor (Edit) has the terminal to itself.
func (s *Session) readLine(ctx context.Context) (string, error) {
	if s.lines == nil {
		s.want = make(chan struct{})
		s.lines = make(chan lineOrErr)
		go func() {
			for range s.want {
				line, err := s.In.ReadString('\n')
				if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
					s.lines <- lineOrErr{err: err}
					return
				}
				s.lines <- lineOrErr{line: strings.TrimRight(line, "\r\n")}
			}
		}()
	}
	if s.readErr != nil {
		// The input has ended; its reader is gone.
		return "", s.readErr
	}
	if !s.pending {
		s.want <- struct{}{}
		s.pending = true
	}
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case l := <-s.lines:
		s.pending, s.readErr = false, l.err
		return l.line, l.err
	}
}

type lineOrErr struct {
	line string
	err  error
}

// edit returns the person's new text, "" when they left it empty.
func (s *Session) edit(ctx context.Context, text string) (string, error) {
	if s.Edit != nil {
		out, err := s.Edit(text)
		return strings.TrimSpace(out), err
	}
	s.Ask(locales.New("review.prompt.edit"))
	line, err := s.readLine(ctx)
	return strings.TrimSpace(line), err
}

// sayRefusal tells the person why a [*Refusal] refused the sentence and
// reports true: the session stays on it. Any other error is not said here;
// it stops the session.
func (s *Session) sayRefusal(err error) bool {
	var refused *Refusal
	if !errors.As(err, &refused) {
		return false
	}
	var qaErr *QAError
	if errors.As(err, &qaErr) {
		s.Say(qaErr.Message().WithHint("review.refused.session.hint"))
	} else {
		s.Say(asMessage(err))
	}
	return true
}

func asMessage(err error) *locales.Message {
	var m *locales.Message
	if errors.As(err, &m) {
		return m
	}
	return locales.New("review.failed", "Err", err.Error())
}
