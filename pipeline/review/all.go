package review

// All returns every sentence of the letter as the reviewer sees it, in
// letter order, approved ones too: what a page that shows the whole letter
// needs, in one pass over the letter.
func (r *Reviewer) All() []Item {
	states := r.Letter.States(r.Translations)
	out := make([]Item, len(states))
	for i, s := range states {
		out[i] = r.item(s)
	}
	return out
}
