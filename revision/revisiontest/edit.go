package revisiontest

// outcome is what one update did, gathered for its Edits and its note.
type outcome struct {
	head, lead, through bool
	changed, added      []int
	deleted             []int // numbered as in the previous version
	move                [2]int
	byline              bool
	photo               int // 0 none, 1 added, 2 changed
	paras               int // paragraphs in the new version
}

// update turns the story into its next version and returns the edits and
// the note that announces them. Additions are the commonest edit, as on
// the wire; figures and words change next most often.
func (s *story) update() ([]Edit, string) {
	r := s.r
	s.prev = s.prev[:0]
	for i := range s.paras {
		s.paras[i] = para{text: s.paras[i].text, orig: i + 1}
		s.prev = append(s.prev, s.paras[i].text)
	}
	var o outcome
	add := r.IntN(100) < 70
	change := r.IntN(100) < 40
	o.through = r.IntN(100) < 8
	lead := r.IntN(100) < 20
	head := r.IntN(100) < 30
	if !(add || change || o.through || lead || head) {
		add = true
	}
	if r.IntN(100) < 7 {
		o.deleted = s.deleteParas(1+r.IntN(2)*r.IntN(2), o.deleted)
	}
	if r.IntN(100) < 5 {
		s.moveUp()
	}
	if o.through {
		for i := 1; i < len(s.paras); i++ {
			if r.IntN(100) < 60 {
				s.changeWords(i)
			}
		}
	}
	if change {
		for k := 1 + r.IntN(3); k > 0; k-- {
			i := 1 + r.IntN(len(s.paras)-1)
			if r.IntN(100) < 20 {
				i = 0
			}
			s.changeWords(i)
		}
	}
	if head {
		o.head = s.changeHeadline()
	}
	if add {
		n := 1 + r.IntN(4)
		if room := maxParas - len(s.paras); room == 0 {
			o.deleted = s.deleteParas(n, o.deleted) // a full story is trimmed to make room
		} else {
			n = min(n, room)
		}
		s.addParas(n)
	}
	if lead {
		s.recastLead()
	}
	if s.byline == "" && r.IntN(100) < 25 {
		s.addByline()
		o.byline = true
	}
	if r.IntN(100) < 30 {
		o.photo = s.setPhoto()
	}
	s.collect(&o)
	if len(o.changed)+len(o.added)+len(o.deleted) == 0 && !o.head && !o.lead && o.move[0] == 0 {
		if len(s.paras) == maxParas {
			o.deleted = s.deleteParas(1, o.deleted)
		}
		s.addParas(1) // nothing visible changed in the body: add a paragraph
		s.collect(&o)
	}
	return o.edits(), s.note(&o)
}

// collect compares the new paragraphs with the previous version.
func (s *story) collect(o *outcome) {
	o.changed, o.added, o.lead, o.move = o.changed[:0], o.added[:0], false, [2]int{}
	o.paras = len(s.paras)
	for i, p := range s.paras {
		switch {
		case p.orig == 0:
			o.added = append(o.added, i+1)
		case p.recast:
			o.lead = true
		case p.text != s.prev[p.orig-1]:
			o.changed = append(o.changed, i+1)
		}
		if p.moved {
			o.move = [2]int{p.orig, i + 1}
		}
	}
}

// edits lists the outcome as ground truth, in EditKind order.
func (o *outcome) edits() []Edit {
	var out []Edit
	add := func(k EditKind, paras ...int) { out = append(out, Edit{Kind: k, Paras: paras}) }
	if o.head {
		add(EditHeadline)
	}
	if o.lead {
		add(EditLead, 1)
	}
	if len(o.changed) > 0 {
		add(EditChange, o.changed...)
	}
	if len(o.added) > 0 {
		add(EditAdd, o.added...)
	}
	if len(o.deleted) > 0 {
		add(EditDelete, o.deleted...)
	}
	if o.move[0] != 0 {
		add(EditMove, o.move[0], o.move[1])
	}
	if o.byline {
		add(EditByline)
	}
	if o.photo != 0 {
		add(EditPhoto)
	}
	return out
}

// deleteParas removes up to n paragraphs from para 3 on, keeping at
// least minParas, and appends their old numbers to deleted in order.
func (s *story) deleteParas(n int, deleted []int) []int {
	for ; n > 0 && len(s.paras) > minParas; n-- {
		i := 2 + s.r.IntN(len(s.paras)-2)
		if s.paras[i].orig == 0 {
			continue
		}
		deleted = insertSorted(deleted, s.paras[i].orig)
		s.paras = append(s.paras[:i], s.paras[i+1:]...)
	}
	return deleted
}

func insertSorted(list []int, v int) []int {
	i := len(list)
	for i > 0 && list[i-1] > v {
		i--
	}
	list = append(list, 0)
	copy(list[i+1:], list[i:])
	list[i] = v
	return list
}

// moveUp moves a paragraph from para 5 or later up to para 2 or 3.
func (s *story) moveUp() {
	n := len(s.paras)
	if n < 6 {
		return
	}
	from := 4 + s.r.IntN(n-4)
	to := 1 + s.r.IntN(2)
	p := s.paras[from]
	p.moved = true
	copy(s.paras[to+1:from+1], s.paras[to:from])
	s.paras[to] = p
}

// addParas inserts n paragraphs together: mostly at the end, often after
// para 2 or 3, sometimes elsewhere. Unused topic paragraphs come first,
// then later-development ones.
func (s *story) addParas(n int) {
	at := len(s.paras)
	switch k := s.r.IntN(100); {
	case k < 35:
		at = 2 + s.r.IntN(2)
	case k < 45:
		at = 1 + s.r.IntN(len(s.paras))
	}
	for ; n > 0; n-- {
		var text string
		if i := s.pickPool(0, len(s.topic.poolT)); i >= 0 {
			text = s.renderString(s.topic.poolT[i])
		} else {
			text = s.renderString(updateT[s.r.IntN(len(updateT))])
		}
		s.paras = append(s.paras, para{})
		copy(s.paras[at+1:], s.paras[at:])
		s.paras[at] = para{text: text}
		at++
	}
}

// recastLead writes para 1 anew from another lead template.
func (s *story) recastLead() {
	t := s.topic
	s.leadIdx = (s.leadIdx + 1 + s.r.IntN(len(t.leadT)-1)) % len(t.leadT)
	s.paras[0].text = s.dateline + s.renderString(t.leadT[s.leadIdx])
	s.paras[0].recast = true
}

func (s *story) addByline() {
	s.byline = reporters[s.reporter].name
	if s.r.IntN(100) < 20 {
		other := reporters[(s.reporter+1+s.r.IntN(len(reporters)-1))%len(reporters)]
		s.byline += " and " + other.name
	}
}

// setPhoto adds a photo caption, or changes it; it returns 1 or 2.
func (s *story) setPhoto() int {
	caps := s.topic.group.capT
	was := s.caption
	s.caption = s.renderString(caps[s.r.IntN(len(caps))])
	if was == "" {
		return 1
	}
	return 2
}
