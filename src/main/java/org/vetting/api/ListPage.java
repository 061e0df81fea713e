package org.vetting.api;

import java.util.List;

/** A page of a list (docs/api.md): {@code next} is the cursor of the following page, or null at the end. */
public record ListPage<T>(List<T> items, String next) {}
