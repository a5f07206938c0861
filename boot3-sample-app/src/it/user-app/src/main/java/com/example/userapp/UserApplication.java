package com.example.userapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class UserApplication {

	@GetMapping("/")
	String hello() {
		return "Hello";
	}

	public static void main(String[] args) {
		SpringApplication.run(UserApplication.class, args);
	}

}
