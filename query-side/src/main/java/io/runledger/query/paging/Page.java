package io.runledger.query.paging;

import java.util.List;

import org.springframework.lang.Nullable;

/** One page of a list, newest first; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, @Nullable String nextCursor) {}
