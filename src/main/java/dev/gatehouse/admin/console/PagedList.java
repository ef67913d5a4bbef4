package dev.gatehouse.admin.console;

import dev.gatehouse.platform.http.PublicUrls;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A console list page's rows: the search text ({@code ?q=}) and page number ({@code ?page=}, from 1) of the request,
 * one page of rows read once, and the links to the pages before and after. Each list page's bean says how to read
 * a page and how to search; the {@code console:pagedTable} component draws the search form and the pager.
 *
 * @param <T> a row
 */
public abstract class PagedList<T> {

    public static final int PAGE_SIZE = 20;
    private static final int MAX_QUERY = 256;

    private List<T> rows;
    private boolean hasNext;

    /** Up to {@code limit} rows from {@code offset}, all rows when {@code query} is empty, else those it finds. */
    protected abstract List<T> read(String query, int offset, int limit);

    /** The console page this list is on. */
    protected abstract ConsolePage page();

    /** More of the request's filters the pager links keep, as {@code &name=value}; none by default. */
    protected String filters() {
        return "";
    }

    public List<T> getRows() {
        if (rows == null) {
            List<T> read = read(getQuery(), (getPage() - 1) * PAGE_SIZE, PAGE_SIZE + 1);
            hasNext = read.size() > PAGE_SIZE;
            rows = hasNext ? read.subList(0, PAGE_SIZE) : read;
        }
        return rows;
    }

    /** Reads the rows again when next asked for, after a change to them. */
    protected void reload() {
        rows = null;
    }

    public String getQuery() {
        String q = request().getParameter("q");
        return q == null ? "" : q.trim().length() > MAX_QUERY ? q.trim().substring(0, MAX_QUERY) : q.trim();
    }

    public int getPage() {
        String page = request().getParameter("page");
        try {
            return page == null ? 1 : Math.max(1, Math.min(Integer.parseInt(page), 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The search form's target: this page under the tenant's base URL. */
    public String getAction() {
        return PublicUrls.of(request(), page().path());
    }

    public String getPreviousLink() {
        return getPage() > 1 ? link(getPage() - 1) : null;
    }

    public String getNextLink() {
        getRows();
        return hasNext ? link(getPage() + 1) : null;
    }

    private String link(int page) {
        String q = getQuery();
        return getAction() + "?page=" + page + (q.isEmpty() ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)) + filters();
    }

    protected static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
