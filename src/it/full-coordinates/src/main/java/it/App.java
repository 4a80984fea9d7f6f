package it; public class App {}
