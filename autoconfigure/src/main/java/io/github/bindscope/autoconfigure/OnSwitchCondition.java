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

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotationSelectors;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnSwitch @ConditionalOnSwitch}.
 */
class OnSwitchCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		// Selected as getAnnotationAttributes selects it; always present, since the
		// annotation is what makes Spring evaluate this condition.
		MergedAnnotation<ConditionalOnSwitch> annotation = metadata.getAnnotations()
			.get(ConditionalOnSwitch.class, null, MergedAnnotationSelectors.firstDirectlyDeclared());
		String name = annotation.getString("value");
		boolean matchIfMissing = annotation.getBoolean("matchIfMissing");
		// The binder sees every relaxed form of the name (BINDSCOPE_ENABLED too).
		String value = Binder.get(context.getEnvironment()).bind(name, Bindable.of(String.class)).orElse(null);
		if (value == null || value.isBlank()) {
			// An empty value is no switch either: binding then fails, naming the
			// property.
			return new ConditionOutcome(matchIfMissing, name + " is not set");
		}
		Boolean on;
		try {
			on = ApplicationConversionService.getSharedInstance().convert(value.trim(), Boolean.class);
		}
		catch (ConversionException ex) {
			return ConditionOutcome.match(name + "='" + value + "' is neither on nor off; binding will say so");
		}
		return new ConditionOutcome(Boolean.TRUE.equals(on), name + "=" + value);
	}

}
