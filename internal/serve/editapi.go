package serve

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"slices"
)

// editRequest is the body of every write of the editor's API: check and
// save send lang, id, forms and version; review sends lang, id, approve,
// comment and version.
type editRequest struct {
	Lang    string            `json:"lang"`
	ID      string            `json:"id"`
	Forms   map[string]string `json:"forms"`
	Version string            `json:"version"`
	Approve bool              `json:"approve"`
	Comment string            `json:"comment"`
}

// editError is what the API answers when it takes nothing: the message,
// and for a refused translation the problems that refuse it.
type editError struct {
	Error    string        `json:"error"`
	Problems []EditProblem `json:"problems,omitempty"`
}

// RefusedError is an error wrapping ErrRefused with the problems that
// refuse a translation; an Editor's Save may return one so that the
// editor shows them. When a refusal carries none, the server asks Check.
type RefusedError struct{ Problems []EditProblem }

func (e *RefusedError) Error() string        { return "the translation is refused" }
func (e *RefusedError) Is(target error) bool { return target == ErrRefused }

// maxEditBody bounds a request's body: a message's forms are a few
// kilobytes at most.
const maxEditBody = 1 << 20

// editAPI answers the editor's API: GET pages and segments, POST check,
// save and review. Every POST is taken only from the editor's own page:
// the preview's Origin and the session's token (X-Glot-Token); anything
// else gets 403 and the Editor is not asked.
func (s *Server) editAPI(w http.ResponseWriter, r *http.Request, name string) {
	switch name {
	case "pages", "segments":
		if r.Method != http.MethodGet {
			w.Header().Set("Allow", "GET")
			writeEditError(w, http.StatusMethodNotAllowed, editError{Error: "glot: " + name + " is read with GET"})
			return
		}
		s.editRead(w, r, name)
	case "check", "save", "review":
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			writeEditError(w, http.StatusMethodNotAllowed, editError{Error: "glot: " + name + " is posted"})
			return
		}
		if !sameOrigin(r) || !s.validToken(r.Header.Get("X-Glot-Token")) {
			writeEditError(w, http.StatusForbidden, editError{Error: "glot: the editor takes writes only from its own page: open it again"})
			return
		}
		s.editWrite(w, r, name)
	default:
		writeEditError(w, http.StatusNotFound, editError{Error: "glot: no such call: " + name})
	}
}

// editRead answers GET pages?lang= and GET segments?lang=&page=.
func (s *Server) editRead(w http.ResponseWriter, r *http.Request, name string) {
	q := r.URL.Query()
	lang := q.Get("lang")
	if !slices.Contains(s.o.Editor.Langs(), lang) {
		writeEditError(w, http.StatusNotFound, editError{Error: "glot: the editor does not work on " + lang})
		return
	}
	var v any
	var err error
	if name == "pages" {
		v, err = s.o.Editor.Pages(lang)
	} else {
		v, err = s.o.Editor.Segments(lang, q.Get("page"))
	}
	if err != nil {
		s.editFailed(w, name, err, nil)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// editWrite decodes a write's body and hands it to the Editor.
func (s *Server) editWrite(w http.ResponseWriter, r *http.Request, name string) {
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
		writeEditError(w, http.StatusUnsupportedMediaType, editError{Error: "glot: the editor's calls are JSON"})
		return
	}
	var req editRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxEditBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeEditError(w, http.StatusBadRequest, editError{Error: "glot: " + err.Error()})
		return
	}
	if !slices.Contains(s.o.Editor.Langs(), req.Lang) || req.ID == "" {
		writeEditError(w, http.StatusBadRequest, editError{Error: "glot: no such language or message"})
		return
	}
	var v any
	var err error
	switch name {
	case "check":
		var ps []EditProblem
		ps, err = s.o.Editor.Check(req.Lang, req.ID, req.Forms)
		v = struct {
			Problems []EditProblem `json:"problems"`
		}{append([]EditProblem{}, ps...)}
	case "save":
		if s.o.ReviewMode {
			err = errWrongMode
		} else {
			v, err = s.o.Editor.Save(req.Lang, req.ID, req.Forms, req.Version)
		}
	case "review":
		if s.o.ReviewMode {
			v, err = s.o.Editor.Review(req.Lang, req.ID, req.Approve, req.Comment, req.Version)
		} else {
			err = errWrongMode
		}
	}
	if err != nil {
		s.editFailed(w, name, err, &req)
		return
	}
	s.o.Log("editor: %s %s in %s", name, req.ID, req.Lang)
	writeJSON(w, http.StatusOK, v)
}

// errWrongMode refuses a review posted to an editor opened for
// translating (reviewers open it with glot edit --review), and a save
// posted to one opened for reviewing, where nothing is edited.
var errWrongMode = errors.New("the editor is not open for that: glot edit --review reviews, glot edit translates")

// editFailed answers a call the Editor failed: 409 with the message for a
// conflict, 422 with the problems for a refusal, 500 for anything else.
func (s *Server) editFailed(w http.ResponseWriter, name string, err error, req *editRequest) {
	var refused *RefusedError
	switch {
	case errors.Is(err, ErrConflict):
		writeEditError(w, http.StatusConflict, editError{Error: err.Error()})
	case errors.Is(err, errWrongMode):
		writeEditError(w, http.StatusForbidden, editError{Error: "glot: " + err.Error()})
	case errors.Is(err, ErrRefused):
		e := editError{Error: err.Error()}
		if errors.As(err, &refused) {
			e.Problems = refused.Problems
		} else if req != nil {
			// The refusal did not say why: the checks do.
			e.Problems, _ = s.o.Editor.Check(req.Lang, req.ID, req.Forms)
		}
		writeEditError(w, http.StatusUnprocessableEntity, e)
	default:
		s.o.Log("editor: %s: %v", name, err)
		writeEditError(w, http.StatusInternalServerError, editError{Error: "glot: " + err.Error()})
	}
}

func writeEditError(w http.ResponseWriter, status int, e editError) { writeJSON(w, status, e) }

// writeJSON answers v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}
