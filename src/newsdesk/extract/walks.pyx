# cython: language_level=3
"""The walks extraction makes of a page's whole tree, over libxml2's nodes through lxml's C API.

Walked from Python, the tree costs a Python object for every element touched and a turn of the
interpreter for every step. Here an element object is made only for an element the caller gets;
texts, class names and ids are read as Python strings, as lxml's own API gives them.
"""

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport (
    _Document,
    _Element,
    _isElement,
    attributeValueFromNsName,
    elementFactory,
    import_lxml__etree,
    namespacedName,
    tailOf,
    textOf,
)

import_lxml__etree()


cdef class BlockWalk:
    """blocks.segment's walk of a page's tree from an element down: the text blocks in reading
    order, each as (element, tag, text, link characters, context).

    A block's context counts the marks of the class names and ids around it (`marks_of` gives
    a name's as a bit per column; each counts up to `max_marks`), then has a 1 in the column
    of each container it is in (`container_columns`) and in the last column inside
    itemprop=articleBody."""

    cdef readonly list blocks
    cdef list buffer
    cdef Py_ssize_t links
    # The block-level elements the walk is inside, innermost last: (node address, tag, context).
    cdef list owners
    cdef _Document doc
    cdef frozenset inline
    cdef frozenset skipped
    cdef dict container_columns
    cdef long max_marks
    cdef object marks_of
    cdef object is_hover_card

    def __init__(
        self,
        frozenset inline,
        frozenset skipped,
        dict container_columns,
        long max_marks,
        marks_of,
        is_hover_card,
    ):
        self.blocks = []
        self.buffer = []
        self.links = 0
        self.owners = []
        self.inline = inline
        self.skipped = skipped
        self.container_columns = container_columns
        self.max_marks = max_marks
        self.marks_of = marks_of
        self.is_hover_card = is_hover_card

    def run(self, _Element start, str tag, list context):
        self.doc = start._doc
        self.walk(start._c_node, tag, context, False)
        return self.blocks

    cdef flush(self):
        cdef str text
        cdef tuple owner
        cdef size_t address
        if self.buffer:
            text = " ".join("".join(self.buffer).split())
            if text and self.owners:
                owner = self.owners[-1]
                address = owner[0]
                element = elementFactory(self.doc, <tree.xmlNode*>address)
                self.blocks.append((element, owner[1], text, self.links, owner[2]))
            self.buffer.clear()
        self.links = 0

    cdef read(self, text, bint in_link):
        """Take a run of text into the block being read."""
        if text:
            self.buffer.append(text)
            if in_link:
                self.links += len(text.strip())

    cdef list context_of(self, unsigned long marks, bint article_body, str tag, list inherited):
        cdef list context = list(inherited)
        cdef Py_ssize_t column = 0
        while marks:
            if marks & 1:
                context[column] = min(<long>context[column] + 1, self.max_marks)
            marks >>= 1
            column += 1
        container = self.container_columns.get(tag)
        if container is not None:
            context[container] = 1
        if article_body:
            context[len(context) - 1] = 1
        return context

    cdef walk(self, tree.xmlNode* node, str tag, list context, bint in_link):
        cdef object classes = attributeValueFromNsName(node, NULL, <const unsigned char*>b"class")
        cdef object ident = attributeValueFromNsName(node, NULL, <const unsigned char*>b"id")
        cdef bint inline = tag in self.inline
        cdef unsigned long marks = 0
        cdef tree.xmlNode* child
        cdef str child_tag
        cdef size_t address = <size_t>node
        if inline and classes is not None and self.is_hover_card(classes):
            return
        if classes:
            for name in classes.split():
                marks |= <unsigned long>self.marks_of(name)
        if ident:
            for name in ident.split():
                marks |= <unsigned long>self.marks_of(name)
        itemprop = attributeValueFromNsName(node, NULL, <const unsigned char*>b"itemprop")
        cdef bint article_body = itemprop == "articleBody"
        if marks or article_body or tag in self.container_columns:
            context = self.context_of(marks, article_body, tag, context)
        if not inline:
            self.flush()
            self.owners.append((address, tag, context))
        elif tag == "br":
            self.buffer.append(" ")
        in_link = in_link or tag == "a"
        self.read(textOf(node), in_link)
        child = node.children
        while child is not NULL:
            if _isElement(child):
                # Comments and processing instructions hold no text of the page, only a tail.
                if child.type == tree.XML_ELEMENT_NODE:
                    child_tag = namespacedName(child).lower()
                    if child_tag not in self.skipped:
                        self.walk(child, child_tag, context, in_link)
                self.read(tailOf(child), in_link)
            child = child.next
        if not inline:
            self.flush()
            self.owners.pop()


def furniture_candidates(_Element root, marks_flags, heading, digit):
    """html.read_furniture's walk: every element, in document order, that its class and id or
    its own text may make furniture or a counter, as (element, marks, flags, text). `marks` is
    the class and id as read there, `flags` what `marks_flags` finds in them (None when the
    element has neither); the text is kept where it matches `heading` or is a short line with
    a `digit`, else None."""
    cdef list found = []
    _furniture_from(root._doc, root._c_node, found, marks_flags, heading, digit)
    return found


cdef int _furniture_from(
    _Document doc, tree.xmlNode* node, list found, marks_flags, heading, digit
) except -1:
    cdef tree.xmlNode* child
    cdef str tag = namespacedName(node)
    cdef object flags = None
    cdef object text
    cdef str marks
    if tag != "script" and tag != "style":
        classes = attributeValueFromNsName(node, NULL, <const unsigned char*>b"class")
        ident = attributeValueFromNsName(node, NULL, <const unsigned char*>b"id")
        marks = f"{classes or ''} {ident or ''}"
        if marks != " ":
            flags = marks_flags(marks)
        text = textOf(node)
        if not text or not text.strip() or not (
            heading.match(text)
            or (len(line := " ".join(text.split())) <= 40 and digit.search(line))
        ):
            text = None
        if text is not None or (flags is not None and any(flags)):
            found.append((elementFactory(doc, node), marks, flags, text))
    child = node.children
    while child is not NULL:
        if child.type == tree.XML_ELEMENT_NODE:
            _furniture_from(doc, child, found, marks_flags, heading, digit)
        child = child.next
    return 0
