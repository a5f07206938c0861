/*
 * Copyright 2026 the Bindscope authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.bindscope.report;

import org.jspecify.annotations.Nullable;

/**
 * Something the report found worth telling: what it is and what to do about it.
 *
 * @param severity how much it matters
 * @param code what it is about
 * @param listener the listener it concerns, as {@code role:port}, or {@code null}
 * @param message what was found, as a whole sentence
 * @param action what to do next, as a whole sentence
 * @since 0.1.0
 */
public record Finding(Severity severity, FindingCode code, @Nullable String listener, String message, String action) {

}
