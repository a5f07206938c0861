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

package io.github.bindscope.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when a boolean property is on, understood the way the binder understands it
 * ({@code true}, {@code on}, {@code yes} and {@code 1}, in any case, are on;
 * {@code false}, {@code off}, {@code no} and {@code 0} are off).
 * <p>
 * Unlike {@code @ConditionalOnBooleanProperty}, which treats every value other than
 * {@code true} as off, a value that is neither on nor off matches, so that binding
 * {@link BindscopeProperties} then fails startup with a message that names the property
 * and the value: a switch is never turned off by a typo.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnSwitchCondition.class)
@interface ConditionalOnSwitch {

	/**
	 * The name of the property.
	 * @return the property name
	 */
	String value();

	/**
	 * Whether to match when the property is not set.
	 * @return whether a missing property means on
	 */
	boolean matchIfMissing() default false;

}
