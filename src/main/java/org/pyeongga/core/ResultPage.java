package org.pyeongga.core;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list: the items, the 0-based page number, the page size and the total across all pages. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public ResultPage {
        items = List.copyOf(items);
    }

    /** The deepest page anyone needs: keeps offset arithmetic far from overflow. */
    public static final int MAX_PAGE = 100_000;

    /** Refuses (400, in Korean) a page number or size outside what a caller may ask for; returns the row offset. */
    public static int offset(int page, int size, int maxSize) {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > maxSize) {
            throw UserFacingException.badInput("error.paging", maxSize);
        }
        return page * size;
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    /**
     * Page numbers (0-based) to offer as links: the first, the last and up to {@code radius} either side of the current
     * one; a -1 marks a gap. Keeps paging usable when a list has hundreds of pages.
     */
    public List<Integer> window(int radius) {
        List<Integer> pages = new java.util.ArrayList<>();
        int last = totalPages() - 1;
        for (int p = 0; p <= last; p++) {
            if (p == 0 || p == last || Math.abs(p - page) <= radius) {
                pages.add(p);
            } else if (!pages.isEmpty() && pages.getLast() != -1) {
                pages.add(-1);
            }
        }
        return pages;
    }

    public <R> ResultPage<R> map(Function<T, R> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
