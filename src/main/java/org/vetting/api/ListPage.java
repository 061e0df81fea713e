package org.vetting.api;

import java.util.List;

/** A page of a list (API.md): {@code next} is the cursor of the following page, or null at the end. */
public record ListPage<T>(List<T> items, String next) {}
